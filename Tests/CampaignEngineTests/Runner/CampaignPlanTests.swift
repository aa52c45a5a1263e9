@testable import SQLiteStore
import CampaignEngine
import CampaignStore
import Foundation
import Testing

@Suite("Campaign plan")
struct CampaignPlanTests {
    @Test("counts who would be dialed now, who waits for a window or a redial, and who is skipped")
    func plan() async throws {
        // 1_800_000_000 is 08:00 UTC: 13:30 in Kolkata, 03:00 in New York.
        let origin = Date(timeIntervalSince1970: 1_800_000_000)
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "plan", agentID: "agent-1")
        _ = try database.insertContacts(
            [
                NewContact(rowNumber: 2, name: "A", phoneE164: "+919800000001", timeZone: "Asia/Kolkata"),
                NewContact(rowNumber: 3, name: "B", phoneE164: "+919800000002", timeZone: "Asia/Kolkata"),
                NewContact(rowNumber: 4, name: "C", phoneE164: "+12025550103", timeZone: "America/New_York"),
                NewContact(rowNumber: 5, name: "D", phoneE164: "+919800000004", timeZone: "Asia/Kolkata"),
                NewContact(rowNumber: 6, name: "E", phoneE164: "+919800000005", timeZone: "Asia/Kolkata"),
            ],
            intoCampaign: campaign.id
        )
        let journal = SQLiteDispatchJournal(database: database, campaignID: campaign.id)
        _ = try database.suppress([SuppressionEntry(phoneE164: "+919800000002", reason: "opted out", source: "test")])
        let contacts = try journal.dueContacts(now: origin, afterID: 0, limit: 10)
        try journal.apply([
            JournalEntry(contactID: contacts[3].id, status: .retryWait, attempts: 1, nextAttemptAt: origin.addingTimeInterval(600)),
            JournalEntry(contactID: contacts[4].id, status: .invalid, attempts: 1, lastError: "bad number"),
        ])
        var configuration = EngineConfiguration(rate: 2)
        configuration.callingHours = try CallingHours(parsingHours: "09:00-21:00")
        let plan = try await CampaignPlan.make(journal: journal, configuration: configuration, now: origin)
        #expect(plan.dialNow == 1)
        #expect(plan.newlySuppressed == 1)
        #expect(plan.waitingForWindow == 1)
        #expect(plan.nextWindowOpening == origin.addingTimeInterval(6 * 3600))
        #expect(plan.waitingForRedial == 1)
        #expect(plan.nextRedial == origin.addingTimeInterval(600))
        #expect(plan.counts[.invalid] == 1)
        #expect(plan.estimatedSeconds == 0.5)
        #expect(plan.warnings.isEmpty)

        configuration.callingHours = nil
        configuration.rate = 0
        let unbounded = try await CampaignPlan.make(journal: journal, configuration: configuration, now: origin)
        #expect(unbounded.dialNow == 2)
        #expect(unbounded.estimatedSeconds == nil)
        #expect(unbounded.warnings.count == 2)
    }
}
