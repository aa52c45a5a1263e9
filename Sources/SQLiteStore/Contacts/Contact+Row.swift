public import CampaignStore
import Foundation
public import GRDB

extension Contact: FetchableRecord, TableRecord {
    /// The table name, `contacts`.
    public static let databaseTableName = "contacts"

    /// Decodes a `contacts` row.
    ///
    /// - Throws: ``CampaignStoreError/invalidRecord(table:column:value:)`` for an unknown status.
    public init(row: Row) throws {
        let statusText: String = row["status"]
        guard let status = ContactStatus(rawValue: statusText) else {
            throw CampaignStoreError.invalidRecord(table: "contacts", column: "status", value: statusText)
        }
        self.init(
            id: row["id"],
            campaignID: row["campaign_id"],
            rowNumber: row["row_number"],
            name: row["name"],
            phoneE164: row["phone_e164"],
            region: row["region"],
            timeZone: row["timezone"],
            variables: ContactVariables(validJSON: row["variables"]),
            status: status,
            attempts: row["attempts"],
            nextAttemptAt: (row["next_attempt_at"] as Int64?).map(Date.init(epochMilliseconds:)),
            lastError: row["last_error"]
        )
    }
}
