import Foundation
import Logging
import Testing

@testable import Webhooks

/// The sender against a real Hummingbird receiver on a loopback port.
@Suite("Webhook sender")
struct WebhookSenderTests {
    /// The sender's fixed clock: 2026-11-20T09:30:05.900Z.
    static let now = Date(timeIntervalSince1970: 1_795_167_005.9)
    static let secret = WebhookSecret.generate()
    static let message = WebhookEvent.campaign(
        .started,
        campaign: WebhookCampaign(id: 1, name: "Renewals"),
        namespace: "1|0|Renewals",
        at: now
    ).message

    private static func endpoint(_ base: URL, _ path: String = "/hook", secrets: [WebhookSecret] = [secret]) throws
        -> WebhookEndpoint
    {
        try WebhookEndpoint(url: base.absoluteString + path, secrets: secrets)
    }

    /// Answers are waited for generously: on a loaded machine the test process may not run for a while,
    /// and only the tests about timeouts are about timing (their receiver never answers in time).
    static let patience: Duration = .seconds(120)

    private static func withSender<Value>(
        timeout: Duration = patience,
        concurrency: Int = 4,
        _ body: (WebhookSender) async throws -> Value
    ) async throws -> Value {
        let configuration = WebhookSenderConfiguration(
            timeout: timeout,
            maximumConcurrentDeliveriesPerEndpoint: concurrency
        )
        return try await WebhookSender.withSender(configuration: configuration, now: { Self.now }, body)
    }

    /// Checks that a request carries the message, signed at the sender's time.
    private static func expectSigned(
        _ request: ReceivedRequest,
        _ message: WebhookMessage,
        secrets: [WebhookSecret] = [secret]
    ) throws {
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["webhook-id"] == message.id)
        #expect(request.headers["webhook-timestamp"] == "1795167005")
        #expect(request.body == message.body)
        let headers = try WebhookHeaders(request.fields)
        for secret in secrets {
            try WebhookSigner(secret: secret).verify(headers, body: request.body, now: now)
        }
    }

    @Test("A 2xx answer delivers; the request is a signed JSON POST of the message's exact bytes")
    func delivers() async throws {
        try await WebhookReceiver.with(respond: { _ in ReceiverAnswer(status: 204) }) { base, log in
            let result = try await Self.withSender { sender in
                await sender.send(Self.message, to: try Self.endpoint(base))
            }
            #expect(result == .response(WebhookResponse(status: 204)))
            #expect(result.isDelivered)
            let requests = log.requests(to: "/hook")
            #expect(requests.count == 1)
            try Self.expectSigned(requests[0], Self.message)
        }
    }

    @Test("A 500 is retried on the schedule: the same id and bytes, freshly signed, until a 2xx")
    func retriesAfterServerError() async throws {
        let respond: @Sendable (ReceivedRequest) -> ReceiverAnswer = { request in
            request.index < 2 ? ReceiverAnswer(status: 500, body: "database is down") : ReceiverAnswer(status: 200)
        }
        try await WebhookReceiver.with(respond: respond) { base, log in
            let decisions = try await Self.withSender { sender in
                try await Self.deliver(
                    Self.message,
                    to: try Self.endpoint(base),
                    with: sender,
                    schedule: "0s,10ms,20ms,1s"
                )
            }
            #expect(
                decisions == [
                    .retry(after: .milliseconds(10), error: "HTTP 500: database is down"),
                    .retry(after: .milliseconds(20), error: "HTTP 500: database is down"),
                    .delivered,
                ]
            )
            let requests = log.requests(to: "/hook")
            #expect(requests.count == 3)
            for request in requests { try Self.expectSigned(request, Self.message) }
        }
    }

    @Test("No answer within the timeout is a timed-out attempt; the retry, answered, delivers")
    func timesOut() async throws {
        let respond: @Sendable (ReceivedRequest) -> ReceiverAnswer = { request in
            ReceiverAnswer(status: 200, holdsUntilTheEnd: request.index == 0)
        }
        try await WebhookReceiver.with(respond: respond) { base, log in
            let endpoint = try Self.endpoint(base)
            var machine = DeliveryStateMachine(schedule: try RetrySchedule(parsing: "0s,10ms", jitter: 0))
            var random = SeededGenerator(seed: 1)
            let first = try await Self.withSender(timeout: .milliseconds(500)) { sender in
                await sender.send(Self.message, to: endpoint)
            }
            #expect(first == .timedOut(after: .milliseconds(500)))
            #expect(
                machine.attemptFinished(first, now: Self.now, using: &random)
                    == .retry(after: .milliseconds(10), error: "timed out after 500ms")
            )
            let second = try await Self.withSender { sender in await sender.send(Self.message, to: endpoint) }
            #expect(machine.attemptFinished(second, now: Self.now, using: &random) == .delivered)
            let requests = log.requests(to: "/hook")
            #expect(requests.count == 2)
            for request in requests { try Self.expectSigned(request, Self.message) }
        }
    }

    @Test("429 with Retry-After: the next attempt waits what the receiver asked")
    func rateLimited() async throws {
        try await WebhookReceiver.with(respond: { _ in ReceiverAnswer(status: 429, headers: ["Retry-After": "7"]) }) {
            base,
            _ in
            let result = try await Self.withSender { sender in
                await sender.send(Self.message, to: try Self.endpoint(base))
            }
            var machine = DeliveryStateMachine(schedule: RetrySchedule.standard.withJitter(0))
            var random = SeededGenerator(seed: 3)
            #expect(result == .response(WebhookResponse(status: 429, headers: ["retry-after": "7"])))
            #expect(
                machine.attemptFinished(result, now: Self.now, using: &random)
                    == .retry(after: .seconds(7), error: "HTTP 429")
            )
        }
    }

    @Test("410 Gone disables the endpoint")
    func gone() async throws {
        try await WebhookReceiver.with(respond: { _ in ReceiverAnswer(status: 410) }) { base, log in
            let decisions = try await Self.withSender { sender in
                try await Self.deliver(
                    Self.message,
                    to: try Self.endpoint(base),
                    with: sender,
                    schedule: "0s,10ms,10ms"
                )
            }
            #expect(
                decisions == [
                    .disableEndpoint(
                        error: "HTTP 410: the receiver no longer accepts these events, so the endpoint is disabled"
                    )
                ]
            )
            #expect(log.requests.count == 1)
        }
    }

    @Test("Redirects are never followed: a 3xx is a failed attempt", arguments: [301, 302, 307, 308])
    func redirectNotFollowed(code: Int) async throws {
        let respond: @Sendable (ReceivedRequest) -> ReceiverAnswer = { request in
            request.path == "/hook"
                ? ReceiverAnswer(status: code, headers: ["Location": "/moved"]) : ReceiverAnswer(status: 200)
        }
        try await WebhookReceiver.with(respond: respond) { base, log in
            let result = try await Self.withSender { sender in
                await sender.send(Self.message, to: try Self.endpoint(base))
            }
            #expect(result == .response(WebhookResponse(status: code, headers: ["location": "/moved"])))
            #expect(!result.isDelivered)
            #expect(log.requests(to: "/moved").isEmpty)
            #expect(log.requests(to: "/hook").count == 1)
        }
    }

    @Test("A refused connection fails the attempt at once")
    func connectionRefused() async throws {
        // A port that was just free: the receiver is gone once `with` returns.
        let closed = try await WebhookReceiver.with(respond: { _ in ReceiverAnswer(status: 200) }) { base, _ in base }
        let result = try await Self.withSender { sender in
            await sender.send(Self.message, to: try Self.endpoint(closed))
        }
        // Reported as refused, not left to run into the timeout.
        #expect(result == .connectionFailed("connection refused"))
    }

    @Test("Plain http to another machine never leaves this machine")
    func insecureRefused() {
        #expect(throws: WebhookError.insecureURL) {
            try WebhookEndpoint(url: "http://crm.example.com/hook", secrets: [Self.secret])
        }
    }

    @Test("Attempts are logged at debug level with the id, type, status and host; never a secret, a body or a path")
    func logs() async throws {
        let lines = LogLines()
        var logger = Logger(label: "webhooks-test") { _ in CapturingLogHandler(lines: lines) }
        logger.logLevel = .trace
        try await WebhookReceiver.with(respond: { _ in ReceiverAnswer(status: 500, body: "no") }) { base, _ in
            let endpoint = try Self.endpoint(base, "/hooks/T0/B1/xyzTOKEN?key=abc")
            _ = try await WebhookSender.withSender(
                configuration: WebhookSenderConfiguration(timeout: Self.patience),
                now: { Self.now },
                logger: logger
            ) { sender in
                await sender.send(Self.message, to: endpoint)
            }
        }
        let all = lines.all
        #expect(all.count == 1)
        let line = try #require(all.first)
        #expect(line.hasPrefix("debug Webhook attempt: HTTP 500: no"))
        for expected in [Self.message.id, "campaign.started", "500", "http://127.0.0.1:"] {
            #expect(line.contains(expected), "\(line)")
        }
        for secretPart in [
            Self.secret.serialized, String(Self.secret.serialized.dropFirst(6).prefix(12)), "xyzTOKEN", "key=abc",
        ] {
            #expect(!line.contains(secretPart))
        }
        #expect(!line.contains(String(decoding: Self.message.body, as: UTF8.self)))
    }

    @Test("During a rotation, a receiver holding either secret verifies every request")
    func rotation() async throws {
        let old = WebhookSecret.generate()
        try await WebhookReceiver.with(respond: { _ in ReceiverAnswer(status: 200) }) { base, log in
            let endpoint = try Self.endpoint(base, secrets: [Self.secret, old])
            _ = try await Self.withSender { sender in await sender.send(Self.message, to: endpoint) }
            let request = try #require(log.requests.first)
            #expect(request.headers["webhook-signature"]?.split(separator: " ").count == 2)
            try Self.expectSigned(request, Self.message, secrets: [Self.secret, old])
        }
    }

    @Test("At most the configured number of deliveries to one endpoint are in flight")
    func boundedConcurrency() async throws {
        let messages = (1...12).map { index in
            WebhookEvent.callEnded(
                CallEndedData(
                    campaign: WebhookCampaign(id: 1, name: "Renewals"),
                    contact: WebhookContact(id: Int64(index), name: "Contact \(index)", number: "+1555010\(index)"),
                    attempt: 1,
                    outcome: "completed"
                ),
                namespace: "1|0|Renewals",
                at: Self.now
            ).message
        }
        try await WebhookReceiver.with(respond: { _ in ReceiverAnswer(status: 200, delay: .milliseconds(200)) }) {
            base,
            log in
            var results: [String: DeliveryAttemptResult] = [:]
            try await Self.withSender(concurrency: 3) { sender in
                await sender.send(messages, to: try Self.endpoint(base)) { message, result in
                    results[message.id] = result
                }
            }
            #expect(results.count == 12)
            #expect(results.values.allSatisfy { $0.isDelivered })
            #expect(log.requests.count == 12)
            #expect(log.mostInFlight <= 3)
            #expect(log.mostInFlight >= 2)
            #expect(Set(log.requests.compactMap { $0.headers["webhook-id"] }) == Set(messages.map(\.id)))
        }
    }

    /// A delivery loop as the outbox runs it, with real (short) waits: send, decide, wait, again.
    private static func deliver(
        _ message: WebhookMessage,
        to endpoint: WebhookEndpoint,
        with sender: WebhookSender,
        schedule: String
    ) async throws -> [DeliveryStateMachine.Decision] {
        var machine = DeliveryStateMachine(schedule: try RetrySchedule(parsing: schedule, jitter: 0))
        var random = SeededGenerator(seed: 1)
        var decisions: [DeliveryStateMachine.Decision] = []
        while true {
            let decision = machine.attemptFinished(await sender.send(message, to: endpoint), now: now, using: &random)
            decisions.append(decision)
            guard case .retry(let delay, _) = decision else { return decisions }
            try await Task.sleep(for: delay)
        }
    }
}
