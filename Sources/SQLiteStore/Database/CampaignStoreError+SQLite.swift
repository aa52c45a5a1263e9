public import CampaignStore
public import GRDB

extension CampaignStoreError {
    /// The store error for an SQLite failure on the database at `path`: a full disk, a read-only file,
    /// a lock held too long or a damaged file each get a sentence that names the file and what to do.
    /// The SQL's arguments (names, numbers) are never part of the message.
    ///
    /// - Parameters:
    ///   - error: What SQLite reported.
    ///   - path: The database file.
    public init(_ error: DatabaseError, path: String) {
        let detail = "SQLite error \(error.extendedResultCode.rawValue): \(error.message ?? "\(error.resultCode)")"
        switch error.resultCode {
        case .SQLITE_FULL:
            self.init(
                code: .storageFull,
                message: "database \(path) is full (the disk, or the database's size limit, has no room left; \(detail)). "
                    + "Everything saved before this write is intact; free some space, then run the same command again."
            )
        case .SQLITE_READONLY, .SQLITE_PERM:
            self.init(
                code: .readOnly,
                message: "cannot write to database \(path) (\(detail)). Make the file and its directory writable "
                    + "by you, or point --db elsewhere."
            )
        case .SQLITE_CANTOPEN:
            self.init(code: .cannotOpen, message: "cannot open database \(path) (\(detail))")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self.init(
                code: .locked,
                message: "database \(path) is locked: another process has held a write transaction for longer than "
                    + "\(CampaignDatabase.busyTimeoutSeconds) s (\(detail)). Let it finish or stop it, then run again."
            )
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            self.init(
                code: .notADatabase,
                message: "\(path) is not a vaani-dialer database or is damaged (\(detail)). "
                    + "Point --db at the campaign database, or restore it from a backup."
            )
        default:
            self.init(code: .databaseFailure, message: "database \(path): \(detail)")
        }
    }

    /// The store error for any failure of a store operation on the database at `path`: a
    /// `CampaignStoreError` as it is, an SQLite `DatabaseError` translated, anything else `nil`.
    /// - Parameters:
    ///   - error: The failure.
    ///   - path: The database file.
    public static func translating(_ error: any Error, path: String) -> CampaignStoreError? {
        if let error = error as? CampaignStoreError { return error }
        if let error = error as? DatabaseError { return CampaignStoreError(error, path: path) }
        return nil
    }
}
