import CampaignStore
import Foundation
public import GRDB

/// The one SQLite database of the product: campaigns, their contacts, every call attempt and the
/// global do-not-call list.
///
/// Open one `CampaignDatabase` per file for the life of the process and share it: it wraps a
/// GRDB `DatabasePool` (WAL mode, foreign keys on) whose writes are serialized and whose reads run
/// concurrently. Every write is a named method that runs in one transaction, so the invariants that
/// the schema does not enforce on its own hold after each call.
///
/// ```swift
/// let database = try CampaignDatabase.open(at: "vaani-dialer.sqlite")
/// let campaign = try database.createCampaign(name: "renewals", agentID: "agent-1")
/// ```
public struct CampaignDatabase: Sendable {
    /// The underlying GRDB connection, for queries that this type does not name yet.
    ///
    /// Prefer adding a named method in an extension of `CampaignDatabase` over using it directly, so
    /// that every query of the schema lives in this module.
    let writer: any DatabaseWriter

    /// The path of the database file, or `nil` for an in-memory database.
    public let path: String?

    /// Wraps an open connection and migrates its schema to the latest version.
    ///
    /// - Parameters:
    ///   - writer: A GRDB `DatabasePool` or `DatabaseQueue` created with ``makeConfiguration()``.
    ///   - path: The file it was opened from, if any.
    public init(_ writer: any DatabaseWriter, path: String? = nil) throws {
        self.writer = writer
        self.path = path
        try Self.migrator.migrate(writer)
    }

    /// Opens (creating it if needed, readable and writable by its owner only) the database file at
    /// `path` and migrates it.
    ///
    /// Missing directories on the way are created readable by their owner only (0700). A file or
    /// directory that is not writable (by permissions or by its mode bits, which are honoured even for
    /// root) is refused up front with ``CampaignStoreError/readOnly(path:reason:)``, before SQLite
    /// could fail halfway through a write.
    ///
    /// - Parameter path: A file path.
    /// - Throws: ``CampaignStoreError`` when the file cannot be created, is read-only, is locked by
    ///   another process for longer than the busy timeout, or is not a database of this product.
    public static func open(at path: String) throws -> CampaignDatabase {
        try StoreFiles.prepare(databaseAt: path)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: makeConfiguration())
            return try CampaignDatabase(pool, path: path)
        } catch let error as DatabaseError {
            throw CampaignStoreError(error, path: path)
        }
    }

    /// Opens an existing database for reading: writable files as ``open(at:)`` does, and a read-only
    /// file (or one in a read-only directory) without writing to it, so that reports and status still
    /// work on a copy that cannot be changed.
    ///
    /// A read-only database must already have this version's schema, since it cannot be migrated.
    ///
    /// - Parameter path: The path of an existing database file.
    /// - Throws: ``CampaignStoreError`` when the file cannot be opened, is not a database of this
    ///   product, or is read-only with an older schema.
    public static func openForReading(at path: String) throws -> CampaignDatabase {
        guard let problem = StoreFiles.readOnlyProblem(databaseAt: path) else { return try open(at: path) }
        var configuration = makeConfiguration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            guard try queue.read({ try migrator.hasCompletedMigrations($0) }) else {
                throw CampaignStoreError.readOnly(
                    path: path,
                    reason: "\(problem.reason); it was written by an older version whose schema must be upgraded first"
                )
            }
            return CampaignDatabase(migrated: queue, path: path)
        } catch let error as DatabaseError {
            throw CampaignStoreError(error, path: path)
        }
    }

    /// Wraps a connection whose schema is known to be current, without migrating.
    private init(migrated reader: DatabaseQueue, path: String) {
        self.writer = reader
        self.path = path
    }

    /// Opens a private in-memory database with the full schema; for tests and dry runs.
    public static func inMemory() throws -> CampaignDatabase {
        try CampaignDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    /// How long a connection waits for another process's write transaction before failing with
    /// ``CampaignStoreError/Code-swift.struct/locked``.
    public static let busyTimeoutSeconds = 10

    /// The GRDB configuration every connection of the product uses: foreign keys on, and a busy
    /// timeout so that a second process (a `pause` from another terminal) waits for the writer
    /// instead of failing at once.
    public static func makeConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(TimeInterval(busyTimeoutSeconds))
        configuration.label = "CampaignDatabase"
        return configuration
    }
}
