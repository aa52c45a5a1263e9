import CampaignStore
import GRDB

extension CampaignReporter {
    /// Every campaign in the database, oldest first, with its state and progress.
    ///
    /// - Throws: A GRDB `DatabaseError`, or ``CampaignReportError`` for a row this version cannot read.
    public func campaigns() throws -> [CampaignListEntry] {
        let finalStates = ContactStatus.allCases.filter(\.isFinal).map { "'\($0.rawValue)'" }.joined(separator: ",")
        return try database.writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT campaigns.*,
                        (SELECT COUNT(*) FROM contacts WHERE campaign_id = campaigns.id) AS contact_count,
                        (SELECT COUNT(*) FROM contacts WHERE campaign_id = campaigns.id
                            AND status IN (\(finalStates))) AS finished_count
                    FROM campaigns ORDER BY created_at, id
                    """
            )
            return try rows.map { row in
                let campaign = try Campaign(row: row)
                return CampaignListEntry(
                    name: campaign.name,
                    agentID: campaign.agentID,
                    state: campaign.status,
                    pauseReason: campaign.pauseReason,
                    contacts: row["contact_count"],
                    finishedContacts: row["finished_count"],
                    createdAt: campaign.createdAt,
                    updatedAt: campaign.updatedAt
                )
            }
        }
    }
}
