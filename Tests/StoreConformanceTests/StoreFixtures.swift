import CampaignStore
import Foundation

/// Values the conformance tests share.
enum StoreFixtures {
    /// A fixed instant, on a whole millisecond, so that stored times compare equal.
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Contacts with rows 2…(count+1) and numbers +1415555 01 00, 01 01, …
    static func contacts(_ count: Int, from first: Int = 0) -> [NewContact] {
        (first..<(first + count)).map { index in
            NewContact(
                rowNumber: index + 2,
                name: "Contact \(index)",
                phoneE164: "+1415555" + String(format: "%04d", 100 + index),
                region: "US",
                timeZone: "America/Los_Angeles",
                variables: ContactVariables([(name: "plan", value: "gold"), (name: "index", value: "\(index)")])
            )
        }
    }

    /// A campaign with `count` contacts imported in one batch.
    static func campaign(
        _ store: any DialerStore,
        name: String = "renewals",
        contacts count: Int
    ) async throws -> Campaign {
        let campaign = try await store.createCampaign(
            name: name, agentID: "agent-1", settings: CampaignSettings(), now: now)
        let importID = try await store.beginImport(intoCampaign: campaign.id, source: "/tmp/\(name).csv", now: now)
        _ = try await store.commitImportBatch(
            contacts(count), intoCampaign: campaign.id, importID: importID, counts: ImportCounts(rows: count))
        try await store.finishImport(importID, counts: ImportCounts(rows: count, imported: count), now: now)
        return campaign
    }
}
