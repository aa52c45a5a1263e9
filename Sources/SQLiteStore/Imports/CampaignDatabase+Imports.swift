public import CampaignStore
public import Foundation
import GRDB

extension CampaignDatabase {
    /// Records the start of an import into a campaign.
    ///
    /// - Returns: The import's row id, for ``commitImportBatch(_:intoCampaign:importID:counts:)``.
    public func beginImport(intoCampaign campaignID: Int64, source: String, now: Date = Date()) throws -> Int64 {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO imports (campaign_id, source, started_at) VALUES (?, ?, ?)",
                arguments: [campaignID, source, now.epochMilliseconds]
            )
            return db.lastInsertedRowID
        }
    }

    /// Inserts a batch of contacts and updates the import's counts in the same transaction, so the
    /// stored counts always describe exactly the contacts that were committed.
    ///
    /// - Parameters:
    ///   - contacts: The batch, in file order.
    ///   - campaignID: The campaign.
    ///   - importID: The import from ``beginImport(intoCampaign:source:now:)``.
    ///   - counts: The import's counts so far, excluding this batch's inserts and duplicates (which
    ///     this call adds before storing them).
    /// - Returns: What the insert did.
    public func commitImportBatch(
        _ contacts: [NewContact],
        intoCampaign campaignID: Int64,
        importID: Int64,
        counts: ImportCounts
    ) throws -> ContactInsertResult {
        try writer.write { db in
            try Self.commitBatch(contacts, campaignID: campaignID, importID: importID, counts: counts, db)
        }
    }

    /// ``commitImportBatch(_:intoCampaign:importID:counts:)`` on the database's writer queue, so the
    /// caller's thread can read the next batch meanwhile.
    public func commitImportBatch(
        _ contacts: [NewContact],
        intoCampaign campaignID: Int64,
        importID: Int64,
        counts: ImportCounts
    ) async throws -> ContactInsertResult {
        try await writer.write { db in
            try Self.commitBatch(contacts, campaignID: campaignID, importID: importID, counts: counts, db)
        }
    }

    /// One batch's insert and the import's counts, inside the caller's transaction.
    private static func commitBatch(
        _ contacts: [NewContact],
        campaignID: Int64,
        importID: Int64,
        counts: ImportCounts,
        _ db: Database
    ) throws -> ContactInsertResult {
        try useImportCache(db)
        let result = try insertContacts(contacts, intoCampaign: campaignID, db)
        var total = counts
        total.imported += result.inserted
        total.duplicates += result.duplicates
        try storeImportCounts(total, importID: importID, finishedAt: nil, db)
        return result
    }

    /// Stores the final counts of an import and marks it finished, and gives back the page cache
    /// that its batches used (see ``endImportBatches()``).
    public func finishImport(_ importID: Int64, counts: ImportCounts, now: Date = Date()) throws {
        try writer.write { db in try Self.storeImportCounts(counts, importID: importID, finishedAt: now, db) }
        try endImportBatches()
    }

    /// The writer connection's page cache while import batches are written, in KiB.
    ///
    /// Batches whose numbers arrive in random order touch pages all over the unique (campaign,
    /// number) index, about 36 MB for 1M contacts. With 20k-row batches, 1M random-order rows took
    /// 19.4 s with SQLite's 2 MB default and 12.5 s with 48 MB (same run, on a loaded machine), but
    /// peak RSS went from 60 MB to 108 MB; at 3M rows, spending the memory on larger batches paid
    /// more (50k-row batches with 8 MB: 69.6 s, 86 MB; 20k-row batches with 32 MB: 88.9 s, 90 MB).
    public static let importCacheKiB = 8_192

    /// SQLite's default page cache, in KiB, which the writer connection returns to after an import.
    static let defaultCacheKiB = 2_000

    /// Returns the writer connection's page cache to SQLite's default size after import batches
    /// (``commitImportBatch(_:intoCampaign:importID:counts:)`` enlarges it to ``importCacheKiB``);
    /// ``finishImport(_:counts:now:)`` calls it, and an import that stops early should too.
    public func endImportBatches() throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -\(Self.defaultCacheKiB)")
        }
    }

    private static func useImportCache(_ db: Database) throws {
        try db.execute(sql: "PRAGMA cache_size = -\(importCacheKiB)")
    }

    /// The imports of a campaign, oldest first.
    public func imports(ofCampaign campaignID: Int64) throws -> [ImportRecord] {
        try writer.read { db in
            try ImportRecord.fetchAll(
                db,
                sql: "SELECT * FROM imports WHERE campaign_id = ? ORDER BY id",
                arguments: [campaignID]
            )
        }
    }

    private static func storeImportCounts(
        _ counts: ImportCounts,
        importID: Int64,
        finishedAt: Date?,
        _ db: Database
    ) throws {
        try db.execute(
            sql: """
                UPDATE imports SET rows = ?, imported = ?, rejected = ?, duplicates = ?, suppressed = ?,
                    finished_at = ?
                WHERE id = ?
                """,
            arguments: [
                counts.rows, counts.imported, counts.rejected, counts.duplicates, counts.suppressed,
                finishedAt?.epochMilliseconds, importID,
            ]
        )
    }
}
