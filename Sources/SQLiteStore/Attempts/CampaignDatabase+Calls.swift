public import CampaignStore
import GRDB

extension CampaignDatabase {
    /// The calls of a campaign whose last known status is `callStatus` (e.g. `completed`), in the
    /// contacts' file order and attempt order.
    /// - Parameters:
    ///   - campaignID: The campaign.
    ///   - callStatus: The API's `call_status`.
    public func calls(ofCampaign campaignID: Int64, withStatus callStatus: String) throws -> [CampaignCall] {
        try writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c."row_number", c.phone_e164, a.call_id, a.duration_ms
                    FROM attempts a JOIN contacts c ON c.id = a.contact_id
                    WHERE a.campaign_id = ? AND a.call_status = ? AND a.call_id IS NOT NULL
                    ORDER BY c."row_number", a.number
                    """,
                arguments: [campaignID, callStatus]
            )
            var calls: [CampaignCall] = []
            while let row = try rows.next() {
                calls.append(CampaignCall(rowNumber: row[0], phoneE164: row[1], callID: row[2], durationMilliseconds: row[3]))
            }
            return calls
        }
    }
}
