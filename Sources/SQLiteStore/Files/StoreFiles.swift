import CampaignStore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system side of opening a database: owner-only creation and up-front checks that say which
/// path is the problem.
enum StoreFiles {
    /// Makes sure the database at `path` can be opened for writing: creates missing directories (0700)
    /// and the file itself (0600), and refuses a read-only file or directory by name.
    ///
    /// SQLite gives its `-wal` and `-shm` files the permissions of the main file, so creating the main
    /// file owner-only keeps all three private.
    static func prepare(databaseAt path: String) throws(CampaignStoreError) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
                )
            } catch {
                throw .cannotOpen(path: path, reason: "cannot create directory \(directory): \(reasonText(of: error))")
            }
        }
        let directoryPath = directory.isEmpty ? "." : directory
        var status = stat()
        if stat(path, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFREG else {
                throw .cannotOpen(path: path, reason: "not a regular file")
            }
            if let problem = readOnlyProblem(databaseAt: path, fileMode: status.st_mode) {
                throw .readOnly(path: problem.path, reason: problem.reason)
            }
            return
        }
        if stat(directoryPath, &status) == 0, let reason = notWritable(directoryPath, mode: status.st_mode) {
            throw .readOnly(path: directoryPath, reason: "cannot create \(path) in a read-only directory (\(reason))")
        }
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
    }

    /// What keeps the existing database at `path` from being written, or `nil` when nothing does: the
    /// path to name (the file, or its directory, where SQLite creates its journal files) and why.
    ///
    /// - Parameter fileMode: The file's mode, when the caller has already read it.
    static func readOnlyProblem(databaseAt path: String, fileMode: mode_t? = nil) -> (path: String, reason: String)? {
        var status = stat()
        if let mode = fileMode ?? (stat(path, &status) == 0 ? status.st_mode : nil), let reason = notWritable(path, mode: mode) {
            return (path, "the database file is read-only (\(reason))")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let directoryPath = directory.isEmpty ? "." : directory
        if stat(directoryPath, &status) == 0, let reason = notWritable(directoryPath, mode: status.st_mode) {
            return (directoryPath, "the directory of \(path) is read-only (\(reason)); SQLite needs to create its journal files there")
        }
        return nil
    }

    /// Why `path` cannot be written, or `nil`: the owner's write bit is off, or the kernel says no.
    private static func notWritable(_ path: String, mode: mode_t) -> String? {
        if mode & S_IWUSR == 0 { return "mode \(String(mode & 0o777, radix: 8))" }
        if access(path, W_OK) != 0 { return String(cString: strerror(errno)) }
        return nil
    }

    private static func reasonText(of error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return error.localizedDescription
    }
}
