import Foundation
import GRDB

extension CampaignDatabase {
    /// What ``insertContacts(_:intoCampaign:)`` did.
    public struct ContactInsertResult: Sendable, Hashable {
        /// Contacts added to the campaign.
        public var inserted: Int
        /// Contacts skipped because the campaign already had their number.
        public var duplicates: Int
        /// The row numbers of the skipped duplicates, in input order.
        public var duplicateRowNumbers: [Int]
    }

    /// Adds contacts to a campaign in one transaction with one prepared statement, skipping numbers
    /// the campaign already has (within the batch too), so inserting the same batch twice adds nothing.
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

    /// Rows per multi-row `INSERT`. Each statement step costs SQLite a fixed overhead whatever the row count,
    /// so inserting 32 rows per step instead of one makes a million-row import markedly faster
    /// (`scripts/bench-import.sh`); 32 × 7 = 224 parameters stays far below SQLite's limit.
    static let rowsPerInsert = 32

    /// The body of ``insertContacts(_:intoCampaign:)``, for callers that already hold a transaction.
    static func insertContacts(_ contacts: [NewContact], intoCampaign campaignID: Int64, _ db: Database) throws
        -> ContactInsertResult
    {
        let columns = #"INSERT INTO contacts (campaign_id, "row_number", name, phone_e164, region, timezone, variables) VALUES "#
        let conflict = " ON CONFLICT (campaign_id, phone_e164) DO NOTHING"
        let single = try db.cachedStatement(sql: columns + "(?, ?, ?, ?, ?, ?, ?)" + conflict)
        let multiple = try db.cachedStatement(
            sql: columns + Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: rowsPerInsert).joined(separator: ", ") + conflict
        )
        func values(_ contact: NewContact) -> [any DatabaseValueConvertible] {
            [
                campaignID, contact.rowNumber, contact.name, contact.phoneE164, contact.region, contact.timeZone,
                contact.variables.json,
            ]
        }
        var result = ContactInsertResult(inserted: 0, duplicates: 0, duplicateRowNumbers: [])
        func insertOneByOne(_ rows: ArraySlice<NewContact>) throws {
            for contact in rows {
                try single.execute(arguments: StatementArguments(values(contact)))
                if db.changesCount == 1 {
                    result.inserted += 1
                } else {
                    result.duplicates += 1
                    result.duplicateRowNumbers.append(contact.rowNumber)
                }
            }
        }
        let savepoint = try db.cachedStatement(sql: "SAVEPOINT contact_chunk")
        let release = try db.cachedStatement(sql: "RELEASE contact_chunk")
        let rollback = try db.cachedStatement(sql: "ROLLBACK TO contact_chunk")
        var start = contacts.startIndex
        while contacts.endIndex - start >= rowsPerInsert {
            let chunk = contacts[start..<start + rowsPerInsert]
            start += rowsPerInsert
            // A chunk that holds a duplicate is rolled back to a savepoint and inserted row by row, so that
            // every skipped row is named; chunks without one (nearly all) go in one step.
            try savepoint.execute()
            try multiple.execute(arguments: StatementArguments(chunk.flatMap(values)))
            if db.changesCount == rowsPerInsert {
                try release.execute()
                result.inserted += rowsPerInsert
            } else {
                try rollback.execute()
                try release.execute()
                try insertOneByOne(chunk)
            }
        }
        try insertOneByOne(contacts[start...])
        return result
    }

    /// The number of contacts of a campaign in each status; statuses with no contact are absent.
    public func contactCounts(ofCampaign campaignID: Int64) throws -> [ContactStatus: Int] {
        try writer.read { db in
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
