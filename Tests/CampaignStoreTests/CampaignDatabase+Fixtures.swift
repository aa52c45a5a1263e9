@testable import SQLiteStore
import CampaignStore

extension CampaignDatabase {
    /// Creates the database file at `path` holding campaign "renewals" with one contact, and closes it.
    static func createWithOneContact(at path: String) throws {
        let database = try CampaignDatabase.open(at: path)
        let campaign = try database.createCampaign(name: "renewals", agentID: "agent-1")
        _ = try database.insertContacts([NewContact(rowNumber: 2, name: "A", phoneE164: "+14155550100")], intoCampaign: campaign.id)
    }
}
