public import CampaignStore
public import Foundation
import GRDB

extension CampaignDatabase: DialerStore {
    /// The database file's path, or `:memory:`.
    public var location: String { path ?? ":memory:" }

    /// The directory of the database file (the current directory for an in-memory database).
    public var sidecarDirectory: String {
        path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? "."
    }

    /// The campaign's journal over this database.
    public func journal(ofCampaign campaignID: Int64) -> any DispatchJournal {
        SQLiteDispatchJournal(database: self, campaignID: campaignID)
    }

    /// A `CampaignStoreError` as it is, an SQLite error translated for this file, anything else `nil`.
    public func storeError(for error: any Error) -> CampaignStoreError? {
        CampaignStoreError.translating(error, path: location)
    }

    /// Stores `new` only if the stored state is still `expected`, in one statement.
    public func compareAndSetState(
        ofCampaign id: Int64,
        expected: CampaignState,
        new: CampaignState,
        now: Date = Date()
    ) throws -> Bool {
        try writer.write { db in try Self.compareAndSetState(ofCampaign: id, expected: expected, new: new, now: now, db) }
    }

    /// Compare-and-set of a campaign's state inside the caller's transaction.
    static func compareAndSetState(
        ofCampaign id: Int64,
        expected: CampaignState,
        new: CampaignState,
        now: Date,
        _ db: Database
    ) throws -> Bool {
        try db.execute(
            sql: """
                UPDATE campaigns SET status = ?, pause_reason = ?, updated_at = ?
                WHERE id = ? AND status = ? AND pause_reason IS ?
                """,
            arguments: [
                new.status.rawValue, new.pauseReason, now.epochMilliseconds, id, expected.status.rawValue,
                expected.pauseReason,
            ]
        )
        return db.changesCount == 1
    }
}
