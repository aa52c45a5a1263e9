import CampaignStore
import Foundation
import Testing

@Suite("Store conformance: the engine's journal")
struct DispatchJournalConformanceTests {
    @Test("Due contacts come in id order after the cursor, with the do-not-call flag", arguments: ConformingStore.all)
    func dueContacts(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let campaign = try await StoreFixtures.campaign(store, contacts: 5)
            let journal = store.journal(ofCampaign: campaign.id)
            let all = try await journal.dueContacts(now: StoreFixtures.now, afterID: 0, limit: 10)
            #expect(all.count == 5)
            #expect(all.map(\.id) == all.map(\.id).sorted())
            #expect(all[0].variables == ["plan": "gold", "index": "0"])
            #expect(all[0].timeZone == "America/Los_Angeles")
            #expect(all.allSatisfy { !$0.isSuppressed && $0.status == .pending && $0.attempts == 0 })
            let page = try await journal.dueContacts(now: StoreFixtures.now, afterID: all[1].id, limit: 2)
            #expect(page.map(\.id) == [all[2].id, all[3].id])

            _ = try await store.suppress([
                SuppressionEntry(phoneE164: all[4].phoneNumber, reason: "opt-out", source: "x", addedAt: .now)
            ])
            let later = StoreFixtures.now.addingTimeInterval(600)
            try await journal.apply([
                JournalEntry(contactID: all[0].id, status: .retryWait, attempts: 1, nextAttemptAt: later),
                JournalEntry(contactID: all[1].id, status: .completed, attempts: 1),
            ])
            let due = try await journal.dueContacts(now: StoreFixtures.now, afterID: 0, limit: 10)
            #expect(due.map(\.id) == [all[2].id, all[3].id, all[4].id])
            #expect(due.last?.isSuppressed == true)
            let dueLater = try await journal.dueContacts(now: later, afterID: 0, limit: 10)
            #expect(dueLater.first?.id == all[0].id)
            #expect(dueLater.first?.status == .retryWait)
            #expect(dueLater.first?.nextAttemptAt == later)
            #expect(try await journal.nextDueDate(after: StoreFixtures.now) == later)
            #expect(try await journal.nextDueDate(after: later) == nil)
            #expect(try await journal.nextDueDate() != nil)
            #expect(try await journal.statusCounts() == [.pending: 3, .retryWait: 1, .completed: 1])
        }
    }

    @Test("Attempts: start, accepted, ended and discarded, and the contacts left open", arguments: ConformingStore.all)
    func attempts(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let campaign = try await StoreFixtures.campaign(store, contacts: 4)
            let journal = store.journal(ofCampaign: campaign.id)
            let contacts = try await journal.dueContacts(now: StoreFixtures.now, afterID: 0, limit: 10)
            let ids = (0..<4).map { _ in UUID() }
            let start = StoreFixtures.now
            try await journal.apply(
                contacts.enumerated().map { index, contact in
                    JournalEntry(
                        contactID: contact.id, status: .dialing, attempts: 1,
                        attempt: .start(id: ids[index], number: 1, startedAt: start.addingTimeInterval(Double(index)))
                    )
                }
            )
            #expect(try await journal.unfinishedAttempts().map(\.attemptID) == ids)
            let report = CallReport(
                callID: "call-0", callStatus: "completed", durationMilliseconds: 83_412, summary: "Agreed",
                disposition: "interested", entityJSON: "{\"amount\":42}", cost: 0.25, transcript: "Hello")
            try await journal.apply([
                JournalEntry(
                    contactID: contacts[0].id, status: .inCall, attempts: 1,
                    attempt: .accepted(id: ids[0], callID: "call-0", at: start)),
                JournalEntry(
                    contactID: contacts[1].id, status: .unknown, attempts: 1,
                    attempt: .ambiguous(id: ids[1], error: "timed out")),
                JournalEntry(
                    contactID: contacts[2].id, status: .pending, attempts: 0, attempt: .discard(id: ids[2])),
            ])
            #expect(try await journal.callsInProgress().map(\.callID) == ["call-0"])
            #expect(try await journal.unfinishedAttempts().map(\.attemptID) == [ids[1], ids[3]])
            try await journal.apply([
                JournalEntry(
                    contactID: contacts[0].id, status: .completed, attempts: 1,
                    attempt: .ended(id: ids[0], outcome: "completed", report: report, error: nil, at: start + 90),
                    suppress: nil)
            ])
            #expect(try await journal.callsInProgress().isEmpty)
            let attempts = try await store.attempts(ofContact: contacts[0].id)
            #expect(attempts.count == 1)
            let ended = try #require(attempts.first)
            #expect(ended.id == ids[0])
            #expect(ended.callID == "call-0")
            #expect(ended.outcome == "completed")
            #expect(ended.callStatus == "completed")
            #expect(ended.durationMilliseconds == 83_412)
            #expect(ended.summary == "Agreed")
            #expect(ended.entityJSON == "{\"amount\":42}")
            #expect(ended.cost == 0.25)
            #expect(ended.endedAt == start + 90)
            #expect(try await store.attempts(ofContact: contacts[2].id).isEmpty)
            #expect(try await store.calls(ofCampaign: campaign.id, withStatus: "completed").map(\.callID) == ["call-0"])
        }
    }

    @Test("A contact ended as do-not-disturb adds its number to the list", arguments: ConformingStore.all)
    func suppressOnEnd(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let campaign = try await StoreFixtures.campaign(store, contacts: 1)
            let journal = store.journal(ofCampaign: campaign.id)
            let contact = try #require(try await journal.dueContacts(now: StoreFixtures.now, afterID: 0, limit: 1).first)
            try await journal.apply([
                JournalEntry(
                    contactID: contact.id, status: .dnd, attempts: 1, lastError: "DND",
                    suppress: (number: contact.phoneNumber, reason: "do not disturb"))
            ])
            #expect(try await store.isSuppressed(contact.phoneNumber))
            #expect(try await store.contacts(ofCampaign: campaign.id, afterID: 0, limit: 1).first?.lastError == "DND")
        }
    }

    @Test("State, compare-and-set, cancellation and a namespace per campaign", arguments: ConformingStore.all)
    func state(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let campaign = try await StoreFixtures.campaign(store, contacts: 3)
            let other = try await StoreFixtures.campaign(store, name: "other", contacts: 0)
            let journal = store.journal(ofCampaign: campaign.id)
            #expect(try await journal.campaignState() == .ready)
            try await journal.setCampaignState(.running)
            #expect(try await journal.campaignState() == .running)
            #expect(try await !journal.compareAndSetCampaignState(expected: .ready, new: .completed))
            #expect(try await journal.compareAndSetCampaignState(expected: .running, new: .paused(.authentication)))
            #expect(try await journal.campaignState() == .paused(.authentication))
            #expect(try await journal.cancelWaitingContacts() == 3)
            #expect(try await journal.statusCounts() == [.cancelled: 3])
            let namespace = try await journal.attemptNamespace()
            #expect(!namespace.isEmpty)
            #expect(try await journal.attemptNamespace() == namespace)
            #expect(try await store.journal(ofCampaign: other.id).attemptNamespace() != namespace)
            await #expect(throws: CampaignStoreError.self) {
                _ = try await store.journal(ofCampaign: other.id + 1000).attemptNamespace()
            }
        }
    }
}
