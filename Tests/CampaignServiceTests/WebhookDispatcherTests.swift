import CampaignService
import CampaignStore
import Foundation
import SQLiteStore
import Testing
import Webhooks

/// The delivery loop over a real SQLite outbox and a real HTTP receiver on loopback.
@Suite("Webhook dispatcher")
struct WebhookDispatcherTests {
    static let secret = WebhookSecret.generate()

    /// A store with one campaign whose endpoint is `url` + `/hook`, and `count` campaign events in its outbox.
    static func outbox(_ url: URL, events count: Int, path: String = "/hook") async throws
        -> (any WebhookOutbox, Campaign, String, [OutboxEvent])
    {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("webhook-dispatcher-\(UUID().uuidString)").path
        let sqlite = try CampaignDatabase.open(at: directory + "/dialer.sqlite")
        let campaign = try sqlite.createCampaign(name: "renewals", agentID: "demo-agent")
        let database: any WebhookOutbox = sqlite
        let endpoint = url.absoluteString + path
        try await database.setWebhookEndpoints([endpoint], eventTypes: nil, ofCampaign: campaign.id, now: Date())
        let start = Date().addingTimeInterval(-60)
        let events = (0..<count).map { index in
            let event = WebhookEvent.campaign(
                .paused(.byUser), campaign: WebhookCampaign(id: campaign.id, name: campaign.name), namespace: "ns",
                at: start.addingTimeInterval(Double(index)))
            let message = event.message
            return OutboxEvent(id: message.id, type: message.type, occurredAt: event.timestamp, body: message.body)
        }
        try await database.recordEvents(events, ofCampaign: campaign.id, now: start)
        return (database, campaign, directory, events)
    }

    static func dispatcher(
        _ database: any WebhookOutbox, _ campaign: Campaign, url: URL, sender: WebhookSender, retries: String = "0s,0s,0s"
    ) throws -> WebhookDispatcher {
        let endpoint = url.absoluteString + "/hook"
        return WebhookDispatcher(
            outbox: database, campaignID: campaign.id,
            endpoints: [endpoint: try WebhookEndpoint(url: endpoint, secrets: [secret])], sender: sender,
            configuration: WebhookDispatcherConfiguration(schedule: try RetrySchedule(parsing: retries, jitter: 0))
        )
    }

    static func verify(_ request: ReceivedRequest) -> Bool {
        guard let headers = try? WebhookHeaders(request.fields) else { return false }
        return (try? WebhookSigner(secret: secret).verify(headers, body: request.body, now: Date())) != nil
    }

    @Test("a 500 and a timeout are redelivered with the same id and body, every signature verifies")
    func redelivery() async throws {
        try await WebhookReceiver.with(respond: { request in
            // Per event: the first attempt fails (500 for some, no answer in time for others), the next one succeeds.
            let first = request.index < 6
            if !first { return ReceiverAnswer(status: 200) }
            return request.index.isMultiple(of: 2) ? ReceiverAnswer(status: 500, body: "down") : ReceiverAnswer(status: 200, holdsUntilTheEnd: true)
        }) { url, log in
            let (database, campaign, directory, events) = try await Self.outbox(url, events: 6)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let configuration = WebhookSenderConfiguration(timeout: .seconds(1))
            let remaining = try await WebhookSender.withSender(configuration: configuration) { sender in
                try await Self.dispatcher(database, campaign, url: url, sender: sender).deliverUntilNothingIsDue()
            }
            #expect(remaining == 0)
            let requests = log.requests(to: "/hook")
            #expect(requests.count == 12)
            #expect(requests.allSatisfy(Self.verify))
            let byID = Dictionary(grouping: requests, by: { $0.headers["webhook-id"] ?? "" })
            #expect(Set(byID.keys) == Set(events.map(\.id)))
            for event in events {
                let copies = byID[event.id] ?? []
                #expect(copies.count == 2)
                #expect(copies.allSatisfy { $0.body == event.body })
            }
            let totals = try await database.deliveryTotals(ofCampaign: campaign.id)
            #expect(totals.map(\.delivered) == [6])
            #expect(totals.map(\.failed) == [0])
        }
    }

    @Test("Retry-After on 429 holds the next attempt back at least that long")
    func retryAfter() async throws {
        try await WebhookReceiver.with(respond: { _ in
            ReceiverAnswer(status: 429, headers: ["retry-after": "120"])
        }) { url, log in
            let (database, campaign, directory, _) = try await Self.outbox(url, events: 1)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let before = Date()
            let remaining = try await WebhookSender.withSender { sender in
                try await Self.dispatcher(database, campaign, url: url, sender: sender).deliverUntilNothingIsDue()
            }
            #expect(remaining == 1)
            #expect(log.requests(to: "/hook").count == 1)
            let next = try #require(try await database.nextDeliveryDate(ofCampaign: campaign.id))
            #expect(next >= before.addingTimeInterval(119))
        }
    }

    @Test("410 disables the endpoint: nothing more is sent to it")
    func gone() async throws {
        try await WebhookReceiver.with(respond: { _ in ReceiverAnswer(status: 410) }) { url, log in
            let (database, campaign, directory, _) = try await Self.outbox(url, events: 1)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = try await WebhookSender.withSender { sender in
                try await Self.dispatcher(database, campaign, url: url, sender: sender).deliverUntilNothingIsDue()
            }
            let endpoints = try await database.webhookEndpoints(ofCampaign: campaign.id)
            #expect(endpoints.first?.disabledAt != nil)
            let later = WebhookEvent.campaign(
                .completed, campaign: WebhookCampaign(id: campaign.id, name: campaign.name), namespace: "ns", at: Date())
            let message = later.message
            try await database.recordEvents(
                [OutboxEvent(id: message.id, type: message.type, occurredAt: later.timestamp, body: message.body)],
                ofCampaign: campaign.id, now: Date())
            #expect(try await database.dueDeliveries(ofCampaign: campaign.id, now: Date(), limit: 10).isEmpty)
            #expect(log.requests(to: "/hook").count == 1)
        }
    }

    @Test("a failing endpoint gives up when the schedule is used up")
    func givesUp() async throws {
        try await WebhookReceiver.with(respond: { _ in ReceiverAnswer(status: 503, body: "maintenance") }) { url, log in
            let (database, campaign, directory, _) = try await Self.outbox(url, events: 2)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let remaining = try await WebhookSender.withSender { sender in
                try await Self.dispatcher(database, campaign, url: url, sender: sender, retries: "0s,0s")
                    .deliverUntilNothingIsDue()
            }
            #expect(remaining == 0)
            #expect(log.requests(to: "/hook").count == 4)
            let totals = try await database.deliveryTotals(ofCampaign: campaign.id)
            #expect(totals.map(\.failed) == [2])
            #expect(totals.first?.lastErrors.first?.contains("HTTP 503") == true)
        }
    }

    @Test("beside other work, events written meanwhile are delivered, at most the limit in flight per endpoint")
    func beside() async throws {
        try await WebhookReceiver.with(respond: { _ in ReceiverAnswer(status: 204, delay: .milliseconds(50)) }) {
            url, log in
            let (database, campaign, directory, _) = try await Self.outbox(url, events: 0)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let configuration = WebhookSenderConfiguration(maximumConcurrentDeliveriesPerEndpoint: 2)
            try await WebhookSender.withSender(configuration: configuration) { sender in
                let dispatcher = try Self.dispatcher(database, campaign, url: url, sender: sender)
                try await dispatcher.deliveringBeside {
                    let start = Date()
                    let written = (0..<8).map { index in
                        let event = WebhookEvent.campaign(
                            .resumed, campaign: WebhookCampaign(id: campaign.id, name: campaign.name), namespace: "ns",
                            at: start.addingTimeInterval(Double(index)))
                        let message = event.message
                        return OutboxEvent(id: message.id, type: message.type, occurredAt: start, body: message.body)
                    }
                    try await database.recordEvents(written, ofCampaign: campaign.id, now: start)
                    for _ in 0..<1200 where log.requests(to: "/hook").count < 8 {
                        try await Task.sleep(for: .milliseconds(100))
                    }
                }
            }
            #expect(log.requests(to: "/hook").count == 8)
            #expect(log.mostInFlight <= 2)
            #expect(try await database.deliveryTotals(ofCampaign: campaign.id).map(\.delivered) == [8])
        }
    }
}
