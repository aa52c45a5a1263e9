import CampaignStore
import Foundation
import Testing

@Suite("Store conformance: the webhook outbox")
struct WebhookOutboxConformanceTests {
    static func event(_ id: String, type: String = "call.ended", contact: Int64? = nil, at seconds: TimeInterval = 0)
        -> OutboxEvent
    {
        OutboxEvent(
            id: id, type: type, contactID: contact, occurredAt: StoreFixtures.now + seconds,
            body: Array("{\"type\":\"\(type)\",\"id\":\"\(id)\"}".utf8))
    }

    @Test("Events written with a journal batch reach every enabled endpoint whose filter takes them", arguments: ConformingStore.all)
    func eventsWithTheirChange(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let campaign = try await StoreFixtures.campaign(store, contacts: 2)
            try await store.setWebhookEndpoints(
                ["https://crm.example/a", "https://crm.example/b"], eventTypes: nil, ofCampaign: campaign.id,
                now: StoreFixtures.now)
            let endpoints = try await store.webhookEndpoints(ofCampaign: campaign.id)
            #expect(endpoints.map(\.url) == ["https://crm.example/a", "https://crm.example/b"])
            let journal = store.journal(ofCampaign: campaign.id)
            let contacts = try await journal.dueContacts(now: StoreFixtures.now, afterID: 0, limit: 2)
            let ended = Self.event("evt_1", contact: contacts[0].id, at: 1)
            try await journal.apply([
                JournalEntry(contactID: contacts[0].id, status: .completed, attempts: 1, events: [ended])
            ])
            let due = try await store.dueDeliveries(ofCampaign: campaign.id, now: StoreFixtures.now + 1, limit: 10)
            #expect(due.count == 2)
            #expect(due.allSatisfy { $0.event == ended && $0.attempts == 0 })
            #expect(Set(due.map(\.endpoint.url)) == ["https://crm.example/a", "https://crm.example/b"])
            #expect(try await store.dueDeliveries(ofCampaign: campaign.id, now: StoreFixtures.now, limit: 10).isEmpty)
            #expect(try await store.nextDeliveryDate(ofCampaign: campaign.id) == StoreFixtures.now + 1)
            // The same event written again (a batch replayed after a crash) is not queued twice.
            try await journal.apply([
                JournalEntry(contactID: contacts[0].id, status: .completed, attempts: 1, events: [ended])
            ])
            #expect(try await store.dueDeliveries(ofCampaign: campaign.id, now: StoreFixtures.now + 1, limit: 10).count == 2)
        }
    }

    @Test("A campaign event is written if and only if its state change commits", arguments: ConformingStore.all)
    func campaignEvents(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let campaign = try await StoreFixtures.campaign(store, contacts: 0)
            try await store.setWebhookEndpoints(
                ["https://crm.example/a"], eventTypes: nil, ofCampaign: campaign.id, now: StoreFixtures.now)
            let journal = store.journal(ofCampaign: campaign.id)
            let refused = try await journal.compareAndSetCampaignState(
                expected: .running, new: .completed, event: Self.event("evt_refused", type: "campaign.completed"))
            #expect(!refused)
            let started = try await journal.compareAndSetCampaignState(
                expected: .ready, new: .running, event: Self.event("evt_started", type: "campaign.started"))
            #expect(started)
            let due = try await store.dueDeliveries(ofCampaign: campaign.id, now: StoreFixtures.now, limit: 10)
            #expect(due.map(\.event.id) == ["evt_started"])
        }
    }

    @Test("Delivered, retried, failed and gone: counts, filters, replay", arguments: ConformingStore.all)
    func deliveries(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let campaign = try await StoreFixtures.campaign(store, contacts: 0)
            let t = StoreFixtures.now
            try await store.setWebhookEndpoints(
                ["https://crm.example/a", "https://crm.example/b"], eventTypes: ["call.ended"],
                ofCampaign: campaign.id, now: t)
            try await store.recordEvents(
                [Self.event("evt_1"), Self.event("evt_2"), Self.event("evt_3", type: "campaign.started")],
                ofCampaign: campaign.id, now: t)
            let due = try await store.dueDeliveries(ofCampaign: campaign.id, now: t, limit: 10)
            #expect(due.count == 4, "the filter keeps campaign.started from both endpoints")
            let a = try #require(due.first { $0.endpoint.url.hasSuffix("/a") }?.endpoint)
            let b = try #require(due.first { $0.endpoint.url.hasSuffix("/b") }?.endpoint)
            try await store.recordDelivery(eventID: "evt_1", endpointID: a.id, .delivered(at: t + 1, status: 200))
            try await store.recordDelivery(
                eventID: "evt_2", endpointID: a.id, .retry(at: t + 1, retryAt: t + 6, status: 500, error: "HTTP 500"))
            try await store.recordDelivery(
                eventID: "evt_1", endpointID: b.id, .failed(at: t + 1, status: nil, error: "timed out"))
            try await store.recordDelivery(
                eventID: "evt_2", endpointID: b.id, .endpointGone(at: t + 2, status: 410, error: "HTTP 410"))
            let later = try await store.dueDeliveries(ofCampaign: campaign.id, now: t + 6, limit: 10)
            #expect(later.map(\.event.id) == ["evt_2"])
            #expect(later.first?.attempts == 1)
            #expect(try await store.webhookEndpoints(ofCampaign: campaign.id).last?.disabledAt == t + 2)
            let totals = try await store.deliveryTotals(ofCampaign: campaign.id)
            #expect(totals.map(\.delivered) == [1, 0])
            #expect(totals.map(\.pending) == [1, 0])
            #expect(totals.map(\.failed) == [0, 2])
            #expect(totals[1].lastErrors.contains("timed out"))

            // Replay re-queues delivered events for enabled endpoints, same ids and bodies.
            let queued = try await store.requeueEvents(ofCampaign: campaign.id, since: nil, type: "call.ended", now: t + 10)
            #expect(queued == 2)
            let replayed = try await store.dueDeliveries(ofCampaign: campaign.id, now: t + 10, limit: 10)
            #expect(Set(replayed.map(\.event.id)) == ["evt_1", "evt_2"])
            #expect(replayed.allSatisfy { $0.endpoint.id == a.id })
            #expect(replayed.first { $0.event.id == "evt_1" }?.event.body == Self.event("evt_1").body)

            // Endpoints not listed any more receive nothing.
            try await store.setWebhookEndpoints(["https://crm.example/c"], eventTypes: nil, ofCampaign: campaign.id, now: t + 20)
            #expect(try await store.dueDeliveries(ofCampaign: campaign.id, now: t + 20, limit: 10).isEmpty)
            #expect(try await store.webhookEndpoints(ofCampaign: campaign.id).map { $0.disabledAt == nil } == [false, false, true])
        }
    }
}
