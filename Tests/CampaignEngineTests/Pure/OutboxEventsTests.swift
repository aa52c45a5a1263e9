import CampaignEngine
import CampaignStore
import Foundation
import Testing
import Webhooks

@Suite("Outbox events of the engine's changes")
struct OutboxEventsTests {
    static let contact = DueContact(
        id: 7, name: "Asha", phoneNumber: "+919876543210", variables: ["plan": "gold"], status: .pending, attempts: 0)
    static let time = Date(timeIntervalSince1970: 1_790_000_000.123)
    static let report = CallReport(
        callID: "c_81f", callStatus: "completed", durationMilliseconds: 61_500, summary: "Promised to pay on Friday",
        disposition: "ptp", entityJSON: #"{"amount":1200}"#, cost: 0.42)

    static func ended(
        _ report: CallReport?, outcome: String = "completed", attempt: Int = 1, contact: DueContact = contact,
        status: ContactStatus, error: String? = nil
    ) -> [OutboxEvent] {
        OutboxEvents.attemptEnded(
            report, outcome: outcome, error: error, attempt: attempt, contact: contact, newStatus: status,
            campaignID: 3, campaignName: "renewals", namespace: "ns-1", at: time)
    }

    static func json(_ event: OutboxEvent) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(event.body)) as? [String: Any])
    }

    @Test("a completed call gives call.ended then contact.finalized, with the call's fields and sequence numbers")
    func completedCall() throws {
        let events = Self.ended(Self.report, status: .completed)
        #expect(events.map(\.type) == ["call.ended", "contact.finalized"])
        #expect(events.allSatisfy { $0.contactID == 7 && abs($0.occurredAt.timeIntervalSince1970 - 1_790_000_000.123) < 0.002 })
        let ended = try #require(Self.json(events[0])["data"] as? [String: Any])
        #expect(ended["call_id"] as? String == "c_81f")
        #expect(ended["outcome"] as? String == "completed")
        #expect(ended["duration_seconds"] as? Double == 61.5)
        #expect(ended["disposition"] as? String == "ptp")
        #expect(ended["sequence"] as? Int == 1)
        #expect((ended["entities"] as? [String: Any])?["amount"] as? Int == 1200)
        #expect((ended["contact"] as? [String: Any])?["variables"] as? [String: String] == ["plan": "gold"])
        let final = try #require(Self.json(events[1])["data"] as? [String: Any])
        #expect(final["state"] as? String == "completed")
        #expect(final["attempts"] as? Int == 1)
        #expect(final["sequence"] as? Int == 2)
    }

    @Test("a call that will be redialed gives call.ended alone")
    func redial() {
        var report = Self.report
        report.callStatus = "no_answer"
        let events = Self.ended(report, outcome: "no_answer", status: .retryWait)
        #expect(events.map(\.type) == ["call.ended"])
    }

    @Test("an attempt that placed no call gives no call.ended; a contact ended without a call is finalized")
    func noCall() throws {
        #expect(Self.ended(nil, outcome: "failed", status: .pending).isEmpty)
        var contact = Self.contact
        contact.attempts = 2
        let events = Self.ended(nil, outcome: "dnd", attempt: 3, contact: contact, status: .dnd, error: "on the DND list")
        #expect(events.map(\.type) == ["contact.finalized"])
        let data = try #require(Self.json(events[0])["data"] as? [String: Any])
        #expect(data["attempts"] as? Int == 2)
        #expect(data["reason"] as? String == "on the DND list")
    }

    @Test("the same attempt always gives the same ids and bytes; another attempt another id")
    func stableIDs() {
        let first = Self.ended(Self.report, status: .completed)
        #expect(first == Self.ended(Self.report, status: .completed))
        let second = Self.ended(Self.report, attempt: 2, status: .completed)
        #expect(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)))
        #expect(first.allSatisfy { $0.id.hasPrefix("evt_") })
    }

    static func change(_ old: CampaignState, _ new: CampaignState, startedBefore: Bool = false) -> OutboxEvent? {
        OutboxEvents.campaignStateChange(
            from: old, to: new, startedBefore: startedBefore, campaignID: 3, campaignName: "renewals",
            namespace: "ns-1", at: time)
    }

    @Test("campaign state changes map to their campaign events")
    func campaignEvents() throws {
        #expect(Self.change(.ready, .running)?.type == "campaign.started")
        #expect(Self.change(.ready, .running, startedBefore: true)?.type == "campaign.resumed")
        #expect(Self.change(.paused(.user), .running)?.type == "campaign.resumed")
        #expect(Self.change(.running, .completed)?.type == "campaign.completed")
        #expect(Self.change(.paused(.user), .cancelled)?.type == "campaign.cancelled")
        #expect(Self.change(.running, .ready) == nil)
        #expect(Self.change(.running, .running) == nil)
        #expect(Self.change(.paused(.user), .paused(.user)) == nil)
        let reasons: [(CampaignState.PauseReason, String)] = [
            (.user, "by_user"), (.insufficientBalance, "insufficient_balance"), (.authentication, "api_key_refused"),
        ]
        for (reason, text) in reasons {
            let event = try #require(Self.change(.running, .paused(reason)))
            #expect(event.type == "campaign.paused")
            #expect(event.contactID == nil)
            let data = try #require(Self.json(event)["data"] as? [String: Any])
            #expect(data["reason"] as? String == text)
        }
    }
}
