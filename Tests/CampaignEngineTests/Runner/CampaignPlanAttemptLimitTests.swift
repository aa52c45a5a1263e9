@testable import SQLiteStore
import CampaignEngine
import CampaignStore
import Foundation
import Testing

@Suite("Campaign plan: the attempt limit")
struct CampaignPlanAttemptLimitTests {
    @Test("due contacts past a lowered attempt limit are counted as ending, not as dialed")
    func attemptsUsedUp() async throws {
        let origin = Date(timeIntervalSince1970: 1_800_000_000)
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "plan", agentID: "agent-1")
        _ = try database.insertContacts(
            [
                NewContact(rowNumber: 2, name: "A", phoneE164: "+919800000001", timeZone: "Asia/Kolkata"),
                NewContact(rowNumber: 3, name: "B", phoneE164: "+919800000002", timeZone: "Asia/Kolkata"),
                NewContact(rowNumber: 4, name: "C", phoneE164: "+919800000003", timeZone: "Asia/Kolkata"),
            ],
            intoCampaign: campaign.id
        )
        let journal = SQLiteDispatchJournal(database: database, campaignID: campaign.id)
        let contacts = try journal.dueContacts(now: origin, afterID: 0, limit: 10)
        try journal.apply([
            JournalEntry(
                contactID: contacts[1].id,
                status: .retryWait,
                attempts: 2,
                nextAttemptAt: origin.addingTimeInterval(-60)
            ),
            JournalEntry(
                contactID: contacts[2].id,
                status: .retryWait,
                attempts: 2,
                nextAttemptAt: origin.addingTimeInterval(600)
            ),
        ])
        let plan = try await CampaignPlan.make(
            journal: journal,
            configuration: EngineConfiguration(rate: 1, redial: RedialPolicy(maxAttempts: 2)),
            now: origin
        )
        #expect(plan.dialNow == 1)
        #expect(plan.attemptsUsedUp == 1)
        #expect(plan.waitingForRedial == 1)
        #expect(plan.estimatedSeconds == 1)
    }
}
