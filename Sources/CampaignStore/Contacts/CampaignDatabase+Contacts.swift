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

    /// The body of ``insertContacts(_:intoCampaign:)``, for callers that already hold a transaction.
    static func insertContacts(_ contacts: [NewContact], intoCampaign campaignID: Int64, _ db: Database) throws
        -> ContactInsertResult
    {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO contacts (campaign_id, "row_number", name, phone_e164, region, timezone, variables)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (campaign_id, phone_e164) DO NOTHING
                """
        )
        var result = ContactInsertResult(inserted: 0, duplicates: 0, duplicateRowNumbers: [])
        for contact in contacts {
            try statement.execute(arguments: [
                campaignID, contact.rowNumber, contact.name, contact.phoneE164, contact.region, contact.timeZone,
                contact.variables.json,
            ])
            if db.changesCount == 1 {
                result.inserted += 1
            } else {
                result.duplicates += 1
                result.duplicateRowNumbers.append(contact.rowNumber)
            }
        }
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
