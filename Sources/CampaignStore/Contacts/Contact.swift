public import Foundation
public import GRDB

/// One person to call in one campaign. A row of `contacts`.
public struct Contact: Sendable, Hashable, Identifiable {
    /// The row id.
    public var id: Int64
    /// The campaign it belongs to.
    public var campaignID: Int64
    /// The physical line of the CSV file where the contact's record starts.
    public var rowNumber: Int
    /// The display name sent to the API.
    public var name: String
    /// The number in E.164, unique within the campaign.
    public var phoneE164: String
    /// The ISO 3166 region of the number, when known.
    public var region: String?
    /// The IANA time zone for calling hours: from the CSV, else the number's only zone, else `nil`.
    public var timeZone: String?
    /// Every other CSV column.
    public var variables: ContactVariables
    /// Where the contact is in its life.
    public var status: ContactStatus
    /// Calls attempted so far.
    public var attempts: Int
    /// When the next attempt is due (for `retry_wait`).
    public var nextAttemptAt: Date?
    /// Why the last attempt did not succeed, in words.
    public var lastError: String?
}

extension Contact: FetchableRecord, TableRecord {
    /// The table name, `contacts`.
    public static let databaseTableName = "contacts"

    /// Decodes a `contacts` row.
    ///
    /// - Throws: ``CampaignStoreError/invalidRecord(table:column:value:)`` for an unknown status.
    public init(row: Row) throws {
        id = row["id"]
        campaignID = row["campaign_id"]
        rowNumber = row["row_number"]
        name = row["name"]
        phoneE164 = row["phone_e164"]
        region = row["region"]
        timeZone = row["timezone"]
        variables = ContactVariables(validJSON: row["variables"])
        let statusText: String = row["status"]
        guard let status = ContactStatus(rawValue: statusText) else {
            throw CampaignStoreError.invalidRecord(table: "contacts", column: "status", value: statusText)
        }
        self.status = status
        attempts = row["attempts"]
        nextAttemptAt = (row["next_attempt_at"] as Int64?).map(Date.init(epochMilliseconds:))
        lastError = row["last_error"]
    }
}
