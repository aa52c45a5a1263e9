public import CampaignStore
import Foundation
package import GRDB
import GRDBSQLite

extension CampaignDatabase {
    /// Adds contacts to a campaign in one transaction with one prepared statement, skipping numbers
    /// the campaign already has (within the batch too, where the first row keeps the number), so
    /// inserting the same batch twice adds nothing.
    ///
    /// Contact ids follow the order of `contacts` (the dialing order), whatever the numbers: ids
    /// grow with the position in the batch, and a skipped duplicate leaves its id unused.
    ///
    /// - Parameters:
    ///   - contacts: The contacts, in file order.
    ///   - campaignID: The campaign.
    /// - Returns: How many were inserted and which were duplicates.
    public func insertContacts(_ contacts: [NewContact], intoCampaign campaignID: Int64) throws
        -> ContactInsertResult
    {
        try writer.write { db in try Self.insertContacts(contacts, intoCampaign: campaignID, db) }
    }

    /// The body of ``insertContacts(_:intoCampaign:)``, for callers that already hold a transaction.
    ///
    /// Rows go in in number order, each with the id of its position in `contacts`: the unique
    /// (campaign, number) index then takes them as one ascending sweep instead of one random leaf
    /// per row, while the rows themselves land in the batch's own id range, a few pages that stay in
    /// the page cache. With numbers in random order and SQLite alone moving 10M rows into this schema
    /// in 250k-row transactions with a 64 MB cache, file order took 813 s and number order 561 s
    /// (same loaded machine, one after the other): once the index outgrows the cache, sorted
    /// batches read and write each of its pages once per batch rather than once per row.
    static func insertContacts(_ contacts: [NewContact], intoCampaign campaignID: Int64, _ db: Database) throws
        -> ContactInsertResult
    {
        var result = ContactInsertResult(inserted: 0, duplicates: 0, duplicateRowNumbers: [])
        guard !contacts.isEmpty else { return result }
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO contacts (id, campaign_id, "row_number", name, phone_e164, region, timezone, variables)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (campaign_id, phone_e164) DO NOTHING
                """
        )
        // The ids the batch may take: past every id in use, as SQLite would assign them.
        let firstID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM contacts") ?? 0) + 1
        // Binds with the C API rather than `StatementArguments`: building seven boxed
        // `DatabaseValue`s per row and copying every string (SQLITE_TRANSIENT) was a sixth of the
        // writer thread's samples in a 1M-row import profile. Here each string is bound in place
        // (SQLITE_STATIC, a nil destructor) for the duration of its step.
        let handle = statement.sqliteStatement
        let connection = db.sqliteConnection
        var duplicatePositions: [Int] = []
        for position in ContactOrder.byNumber(contacts) {
            let contact = contacts[position]
            sqlite3_reset(handle)
            sqlite3_bind_int64(handle, 1, firstID + Int64(position))
            sqlite3_bind_int64(handle, 2, campaignID)
            sqlite3_bind_int64(handle, 3, Int64(contact.rowNumber))
            let code = Self.withText(contact.name) { name in
                Self.withText(contact.phoneE164) { phone in
                    Self.withText(contact.region) { region in
                        Self.withText(contact.timeZone) { timeZone in
                            Self.withText(contact.variables.json) { variables in
                                Self.bind(name, at: 4, handle)
                                Self.bind(phone, at: 5, handle)
                                Self.bind(region, at: 6, handle)
                                Self.bind(timeZone, at: 7, handle)
                                Self.bind(variables, at: 8, handle)
                                let code = sqlite3_step(handle)
                                // Unbinds before the buffers go away.
                                sqlite3_clear_bindings(handle)
                                return code
                            }
                        }
                    }
                }
            }
            guard code == SQLITE_DONE else {
                let message = String(cString: sqlite3_errmsg(connection))
                sqlite3_reset(handle)
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: message,
                    sql: statement.sql
                )
            }
            if sqlite3_changes(connection) == 1 {
                result.inserted += 1
            } else {
                duplicatePositions.append(position)
            }
        }
        sqlite3_reset(handle)
        duplicatePositions.sort()
        result.duplicates = duplicatePositions.count
        result.duplicateRowNumbers = duplicatePositions.map { contacts[$0].rowNumber }
        return result
    }

    /// A string's UTF-8 bytes for binding.
    private struct BoundText {
        var base: UnsafePointer<CChar>
        var count: Int32
    }

    /// What an empty string is bound from: SQLite takes a null pointer for NULL, not for "".
    private static let emptyText: StaticString = ""

    /// Calls `body` with the UTF-8 bytes of `text` (nil for nil), without copying native strings.
    private static func withText<R>(_ text: String?, _ body: (BoundText?) -> R) -> R {
        guard var text else { return body(nil) }
        let empty = UnsafeRawPointer(emptyText.utf8Start).assumingMemoryBound(to: CChar.self)
        let bytes: (UnsafeBufferPointer<UInt8>) -> R = { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return body(BoundText(base: empty, count: 0)) }
            return body(BoundText(base: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), count: Int32(bytes.count)))
        }
        if let result = text.utf8.withContiguousStorageIfAvailable(bytes) { return result }
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(bytes)!
    }

    /// Binds text in place (it must outlive the step), or NULL for nil.
    private static func bind(_ text: BoundText?, at index: Int32, _ handle: SQLiteStatement) {
        if let text {
            sqlite3_bind_text(handle, index, text.base, text.count, nil)
        } else {
            sqlite3_bind_null(handle, index)
        }
    }

    /// The number of contacts of a campaign in each status; statuses with no contact are absent.
    public func contactCounts(ofCampaign campaignID: Int64) throws -> [ContactStatus: Int] {
        try writer.read { db in try Self.contactCounts(ofCampaign: campaignID, in: db) }
    }

    /// The same, inside a transaction the caller holds.
    package static func contactCounts(ofCampaign campaignID: Int64, in db: Database) throws -> [ContactStatus: Int] {
        var counts: [ContactStatus: Int] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT status, count(*) FROM contacts WHERE campaign_id = ? GROUP BY status",
            arguments: [campaignID]
        )
        while let row = try rows.next() {
            let text: String = row[0]
            guard let status = ContactStatus(rawValue: text) else {
                throw CampaignStoreError.invalidRecord(table: "contacts", column: "status", value: text)
            }
            counts[status] = row[1]
        }
        return counts
    }

    /// The number of contacts of a campaign.
    public func contactCount(ofCampaign campaignID: Int64) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM contacts WHERE campaign_id = ?", arguments: [campaignID])
                ?? 0
        }
    }

    /// Contacts of a campaign in import order, `limit` at most, starting after contact id `afterID`
    /// (keyset paging: pass the last id of the previous page).
    public func contacts(ofCampaign campaignID: Int64, afterID: Int64 = 0, limit: Int = 1000) throws -> [Contact] {
        try writer.read { db in
            try Contact.fetchAll(
                db,
                sql: "SELECT * FROM contacts WHERE campaign_id = ? AND id > ? ORDER BY id LIMIT ?",
                arguments: [campaignID, afterID, limit]
            )
        }
    }

    /// The contact of a campaign with number `phoneE164`, or `nil`.
    public func contact(phoneE164: String, inCampaign campaignID: Int64) throws -> Contact? {
        try writer.read { db in
            try Contact.fetchOne(
                db,
                sql: "SELECT * FROM contacts WHERE campaign_id = ? AND phone_e164 = ?",
                arguments: [campaignID, phoneE164]
            )
        }
    }
}
