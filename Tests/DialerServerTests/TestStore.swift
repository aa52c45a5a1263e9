import CampaignStore
import Foundation
import SQLiteStore

/// A SQLite store in a fresh temporary directory, with campaigns of generated contacts.
struct TestStore {
    let database: CampaignDatabase
    let directory: String
    var campaigns: [Campaign]

    /// Creates campaigns named `names`, `count` contacts each; contact `i` of campaign `c` is
    /// `+9198{c}{i:07}` and every third contact's name has "Rao" in it.
    init(campaigns names: [String] = ["alpha"], contacts count: Int = 12) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dialer-server-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        database = try CampaignDatabase.open(at: directory + "/dialer.sqlite")
        campaigns = []
        for (index, name) in names.enumerated() {
            let campaign = try database.createCampaign(name: name, agentID: "demo-agent")
            _ = try database.insertContacts(
                (0..<count).map {
                    NewContact(
                        rowNumber: $0 + 2, name: $0 % 3 == 0 ? "Asha Rao \($0)" : "Person \($0)",
                        phoneE164: Self.number(campaign: index, contact: $0))
                },
                intoCampaign: campaign.id
            )
            campaigns.append(campaign)
        }
    }

    static func number(campaign: Int, contact: Int) -> String {
        "+9198\(campaign)" + String(format: "%07d", contact)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
