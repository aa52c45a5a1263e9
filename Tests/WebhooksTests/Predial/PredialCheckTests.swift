import Foundation
import Testing

@testable import Webhooks

/// The pre-dial check against a real receiver on a loopback port: its three answers (eligible, not
/// eligible, no usable answer) and both failure policies.
@Suite("Pre-dial check")
struct PredialCheckTests {
    static let now = Date(timeIntervalSince1970: 1_795_167_005.25)
    static let secret = WebhookSecret.generate()
    static let request = PredialRequest(
        campaign: WebhookCampaign(id: 4, name: "Collections"),
        contact: WebhookContact(
            id: 77,
            csvRow: 78,
            name: "Ravi Kumar",
            number: "+919812345678",
            variables: ["due": "1,500"]
        ),
        attempt: 2,
        namespace: "4|1763600000000|Collections"
    )

    private static func check(
        _ answer: ReceiverAnswer,
        timeout: Duration = WebhookSenderTests.patience,
        onError: PredialFailurePolicy = .skip
    ) async throws -> (PredialDecision, [ReceivedRequest]) {
        try await WebhookReceiver.with(respond: { _ in answer }) { base, log in
            let endpoint = try WebhookEndpoint(url: base.absoluteString + "/predial", secrets: [secret])
            let check = PredialCheck(endpoint: endpoint, timeout: timeout, onError: onError)
            let decision = try await WebhookSender.withSender(now: { now }) { sender in
                await check.check(request, using: sender)
            }
            return (decision, log.requests)
        }
    }

    @Test("The question is a signed POST of the contact and the attempt number")
    func question() async throws {
        let (decision, requests) = try await Self.check(ReceiverAnswer(status: 200, body: #"{"eligible": true}"#))
        #expect(decision == PredialDecision(action: .dial))
        let received = try #require(requests.first)
        #expect(received.path == "/predial")
        let headers = try WebhookHeaders(received.fields)
        try WebhookSigner(secret: Self.secret).verify(headers, body: received.body, now: Self.now)
        #expect(
            String(decoding: received.body, as: UTF8.self) == #"""
                {"data":{"attempt":2,"campaign":{"id":4,"name":"Collections"},"contact":{"csv_row":78,"id":77,\#
                "name":"Ravi Kumar","number":"+919812345678","variables":{"due":"1,500"}}},\#
                "timestamp":"2026-11-20T09:30:05.250Z","type":"contact.predial"}
                """#
        )
        // The same question has the same id; the next attempt's is another.
        #expect(headers.id == Self.request.message(at: Self.now.addingTimeInterval(60)).id)
        var next = Self.request
        next.attempt = 3
        #expect(headers.id != next.message(at: Self.now).id)
    }

    @Test("Not eligible: skip, with the server's reason")
    func notEligible() async throws {
        let (decision, _) = try await Self.check(
            ReceiverAnswer(status: 200, body: #"{"eligible": false, "reason": "paid yesterday"}"#),
            onError: .dial
        )
        #expect(decision == PredialDecision(action: .skip, reason: "paid yesterday"))
        #expect(decision.summary == "skipped by the pre-dial check: paid yesterday")
        let (unexplained, _) = try await Self.check(ReceiverAnswer(status: 200, body: #"{"eligible": false}"#))
        #expect(unexplained == PredialDecision(action: .skip, reason: "not eligible"))
    }

    @Test("A long reason is kept to 500 characters")
    func longReason() async throws {
        let reason = String(repeating: "r", count: 2000)
        let (decision, _) = try await Self.check(
            ReceiverAnswer(status: 200, body: #"{"eligible": false, "reason": "\#(reason)"}"#)
        )
        #expect(decision.action == .skip)
        #expect(decision.reason == String(repeating: "r", count: 500) + "…")
    }

    @Test("A timeout follows the policy, skip or dial, and is recorded", arguments: PredialFailurePolicy.allCases)
    func timeout(policy: PredialFailurePolicy) async throws {
        let (decision, _) = try await Self.check(
            ReceiverAnswer(status: 200, body: #"{"eligible": true}"#, holdsUntilTheEnd: true),
            timeout: .milliseconds(200),
            onError: policy
        )
        #expect(decision == PredialDecision(action: policy == .dial ? .dial : .skip, error: "timed out after 200ms"))
        #expect(
            decision.summary == "the pre-dial check failed (timed out after 200ms), so the contact was "
                + (policy == .dial ? "dialed anyway" : "skipped")
        )
    }

    @Test(
        "An error status or an answer that is not {\"eligible\": …} follows the policy, and is recorded",
        arguments: [
            (ReceiverAnswer(status: 500, body: "oops"), "HTTP 500: oops"),
            (ReceiverAnswer(status: 302, headers: ["Location": "/elsewhere"]), "HTTP 302: redirects are not followed"),
            (
                ReceiverAnswer(status: 200, body: "yes"),
                #"HTTP 200 but the answer is not {"eligible": true|false} JSON"#
            ),
            (ReceiverAnswer(status: 200, body: #"{"eligible": "yes"}"#), "HTTP 200 but the answer is not"),
            (ReceiverAnswer(status: 200, body: #"{"reason": "x"}"#), "HTTP 200 but the answer is not"),
        ]
    )
    func unusableAnswer(answer: ReceiverAnswer, error: String) async throws {
        for policy in PredialFailurePolicy.allCases {
            let (decision, _) = try await Self.check(answer, onError: policy)
            #expect(decision.action == (policy == .dial ? .dial : .skip))
            #expect(decision.reason == nil)
            #expect(decision.error?.hasPrefix(error) == true, "\(decision.error ?? "no error")")
        }
    }

    @Test("A refused connection follows the policy; the default policy is skip, the default timeout 5 s")
    func refused() async throws {
        let closed = try await WebhookReceiver.with(respond: { _ in ReceiverAnswer(status: 200) }) { base, _ in base }
        let endpoint = try WebhookEndpoint(url: closed.absoluteString, secrets: [Self.secret])
        let defaults = PredialCheck(endpoint: endpoint)
        #expect(defaults.onError == .skip)
        #expect(defaults.timeout == .seconds(5))
        let check = PredialCheck(endpoint: endpoint, timeout: WebhookSenderTests.patience)
        let decision = try await WebhookSender.withSender { sender in await check.check(Self.request, using: sender) }
        #expect(decision == PredialDecision(action: .skip, error: "connection failed: connection refused"))
    }
}
