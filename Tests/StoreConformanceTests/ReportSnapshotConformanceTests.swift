import CampaignStore
import Foundation
import Testing

@Suite("Store conformance: report snapshots")
struct ReportSnapshotConformanceTests {
    /// A campaign of three contacts: one completed in two attempts, one waiting, one never dialed.
    private func campaignWithCalls(_ store: any DialerStore) async throws -> (Campaign, [DueContact]) {
        let campaign = try await StoreFixtures.campaign(store, contacts: 3)
        let journal = store.journal(ofCampaign: campaign.id)
        let contacts = try await journal.dueContacts(now: StoreFixtures.now, afterID: 0, limit: 10)
        let first = UUID()
        let second = UUID()
        let t = StoreFixtures.now
        try await journal.apply([
            JournalEntry(contactID: contacts[0].id, status: .dialing, attempts: 1,
                attempt: .start(id: first, number: 1, startedAt: t)),
            JournalEntry(contactID: contacts[0].id, status: .inCall, attempts: 1,
                attempt: .accepted(id: first, callID: "call-1", at: t)),
            JournalEntry(contactID: contacts[0].id, status: .retryWait, attempts: 1, nextAttemptAt: t + 3600,
                attempt: .ended(id: first, outcome: "no_answer",
                    report: CallReport(callID: "call-1", callStatus: "no_answer", durationMilliseconds: 0, cost: 0.01),
                    error: nil, at: t + 30)),
            JournalEntry(contactID: contacts[0].id, status: .dialing, attempts: 2,
                attempt: .start(id: second, number: 2, startedAt: t + 3600)),
            JournalEntry(contactID: contacts[0].id, status: .inCall, attempts: 2,
                attempt: .accepted(id: second, callID: "call-2", at: t + 3600)),
            JournalEntry(contactID: contacts[0].id, status: .completed, attempts: 2,
                attempt: .ended(id: second, outcome: "completed",
                    report: CallReport(callID: "call-2", callStatus: "completed", durationMilliseconds: 45_000,
                        summary: "Renewed", disposition: "interested", entityJSON: "{ \"plan\" : \"gold\" }",
                        cost: 0.5, transcript: "Hi"),
                    error: nil, at: t + 3700)),
            JournalEntry(contactID: contacts[1].id, status: .retryWait, attempts: 0, nextAttemptAt: t + 7200),
        ])
        return (campaign, contacts)
    }

    @Test("Totals count contacts, calls, outcomes, talk time and cost", arguments: ConformingStore.all)
    func totals(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let (campaign, _) = try await campaignWithCalls(store)
            let totals = try await store.withReportSnapshot { try await $0.totals(ofCampaign: campaign.id) }
            #expect(totals.contactsByStatus == [.completed: 1, .retryWait: 1, .pending: 1])
            #expect(totals.dialedContacts == 1)
            #expect(totals.answeredContacts == 1)
            #expect(totals.outcomes["completed"] == .init(attempts: 1, callsPlaced: 1, talkMilliseconds: 45_000, cost: 0.5))
            #expect(totals.outcomes["no_answer"] == .init(attempts: 1, callsPlaced: 1, talkMilliseconds: 0, cost: 0.01))
            #expect(totals.nextRedialAt == StoreFixtures.now + 7200)
            let progress = try await store.withReportSnapshot { try await $0.campaignProgress() }
            #expect(progress == [CampaignProgress(campaign: campaign, contacts: 3, finishedContacts: 1)])
            #expect(try await store.withReportSnapshot { try await $0.campaign(named: "renewals") } == campaign)
        }
    }

    @Test("Rows stream in import order, with the latest attempt or every attempt", arguments: ConformingStore.all)
    func rows(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let (campaign, contacts) = try await campaignWithCalls(store)
            var latest: [ContactReportRow] = []
            var lines: [AttemptReportRow] = []
            var variables: [String] = []
            try await store.withReportSnapshot { snapshot in
                try await snapshot.forEachContact(ofCampaign: campaign.id, limit: nil) { latest.append($0) }
                try await snapshot.forEachAttempt(ofCampaign: campaign.id) { lines.append($0) }
                try await snapshot.forEachContactVariables(ofCampaign: campaign.id) { variables.append($0) }
            }
            #expect(latest.map(\.contactID) == contacts.map(\.id))
            #expect(latest[0].callID == "call-2")
            #expect(latest[0].durationMilliseconds == 45_000)
            #expect(latest[0].summary == "Renewed")
            #expect(latest[0].statusText == "completed")
            #expect(latest[0].rowNumber == 2)
            #expect(latest[1].callID == nil)
            #expect(latest[2].statusText == "pending")
            #expect(variables.count == 3)
            #expect(lines.map(\.contactID) == [contacts[0].id, contacts[0].id, contacts[1].id, contacts[2].id])
            #expect(lines.map(\.attemptNumber) == [1, 2, nil, nil])
            #expect(lines[1].entityJSON == "{\"plan\":\"gold\"}")
            #expect(lines[1].startedAt == (StoreFixtures.now + 3600).timeIntervalSince1970Milliseconds)
            #expect(lines[0].outcome == "no_answer")
            #expect(lines.allSatisfy { $0.variablesJSON?.contains("\n") == false })
            var limited = 0
            try await store.withReportSnapshot { snapshot in
                try await snapshot.forEachContact(ofCampaign: campaign.id, limit: 2) { _ in limited += 1 }
            }
            #expect(limited == 2)
        }
    }

    @Test("Distributions group attempts, durations and calls per quarter hour", arguments: ConformingStore.all)
    func distributions(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let (campaign, _) = try await campaignWithCalls(store)
            let stored = try await store.withReportSnapshot {
                try await $0.distributions(ofCampaign: campaign.id, durationBoundsSeconds: [30, 60])
            }
            #expect(stored.contactsByAttempts == [2, 0, 1, 0, 0, 0])
            #expect(stored.answeredByDurationBucket == [0, 1, 0])
            #expect(stored.callsByQuarterHour.map(\.placed).reduce(0, +) == 2)
            #expect(stored.callsByQuarterHour.map(\.answered).reduce(0, +) == 1)
            #expect(stored.callsByQuarterHour.allSatisfy { $0.timeZone == "America/Los_Angeles" })
            #expect(stored.firstAttemptAt == StoreFixtures.now)
            #expect(stored.lastAttemptAt == StoreFixtures.now + 3700)
        }
    }
}

extension Date {
    /// Milliseconds since 1970, as the report rows carry times.
    var timeIntervalSince1970Milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
