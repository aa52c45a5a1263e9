public import CampaignStore
import Foundation
public import GRDB

extension Attempt: FetchableRecord, TableRecord {
    /// The table name, `attempts`.
    public static let databaseTableName = "attempts"

    /// Decodes an `attempts` row.
    public init(row: Row) throws {
        let idText: String = row["id"]
        guard let id = UUID(uuidString: idText) else {
            throw CampaignStoreError.invalidRecord(table: "attempts", column: "id", value: idText)
        }
        var attempt = Attempt(
            id: id,
            contactID: row["contact_id"],
            campaignID: row["campaign_id"],
            number: row["number"],
            startedAt: Date(epochMilliseconds: row["started_at"])
        )
        attempt.requestSentAt = (row["request_sent_at"] as Int64?).map(Date.init(epochMilliseconds:))
        attempt.callID = row["call_id"]
        attempt.outcome = row["outcome"]
        attempt.callStatus = row["call_status"]
        attempt.durationMilliseconds = row["duration_ms"]
        attempt.summary = row["summary"]
        attempt.disposition = row["disposition"]
        attempt.entityJSON = row["entity"]
        attempt.cost = row["cost"]
        attempt.transcript = row["transcript"]
        attempt.error = row["error"]
        attempt.endedAt = (row["ended_at"] as Int64?).map(Date.init(epochMilliseconds:))
        self = attempt
    }
}
