import Foundation
import Testing

@testable import Webhooks

@Suite("Delivery state machine")
struct DeliveryStateMachineTests {
    /// No jitter, so that the schedule's delays come out exactly.
    static let schedule = RetrySchedule.standard.withJitter(0)
    static let now = Date(timeIntervalSince1970: 1_795_167_005)

    static func status(_ code: Int, _ headers: [String: String] = [:], body: String = "") -> DeliveryAttemptResult {
        .response(WebhookResponse(status: code, headers: headers, bodyExcerpt: body))
    }

    private func finish(
        _ machine: inout DeliveryStateMachine,
        _ result: DeliveryAttemptResult
    ) -> DeliveryStateMachine.Decision {
        var random = SeededGenerator(seed: 9)
        return machine.attemptFinished(result, now: Self.now, using: &random)
    }

    @Test("Delivered on every 2xx, at the first attempt or a later one", arguments: [200, 201, 202, 204, 299])
    func delivered(code: Int) {
        var machine = DeliveryStateMachine(schedule: Self.schedule)
        #expect(machine.state == .due(attempt: 1))
        #expect(finish(&machine, Self.status(code)) == .delivered)
        #expect(machine.state == .delivered(attempts: 1))

        var later = DeliveryStateMachine(schedule: Self.schedule, attemptsMade: 3)
        #expect(later.state == .due(attempt: 4))
        #expect(finish(&later, Self.status(code)) == .delivered)
        #expect(later.state == .delivered(attempts: 4))
    }

    @Test(
        "Any other answer, a timeout or a broken connection waits the schedule's next delay",
        arguments: [
            (DeliveryStateMachineTests.status(500, body: "upstream failed"), "HTTP 500: upstream failed"),
            (DeliveryStateMachineTests.status(404), "HTTP 404"),
            (DeliveryStateMachineTests.status(400, body: "bad"), "HTTP 400: bad"),
            (DeliveryStateMachineTests.status(401), "HTTP 401"),
            (DeliveryStateMachineTests.status(502), "HTTP 502"),
            (DeliveryStateMachineTests.status(100), "HTTP 100"),
            (DeliveryStateMachineTests.status(429), "HTTP 429"),
            (DeliveryStateMachineTests.status(503), "HTTP 503"),
            (DeliveryAttemptResult.timedOut(after: .seconds(15)), "timed out after 15s"),
            (DeliveryAttemptResult.connectionFailed("connection refused"), "connection failed: connection refused"),
        ]
    )
    func retries(result: DeliveryAttemptResult, error: String) {
        var machine = DeliveryStateMachine(schedule: Self.schedule)
        #expect(finish(&machine, result) == .retry(after: .seconds(5), error: error))
        #expect(machine.state == .due(attempt: 2))
        #expect(finish(&machine, result) == .retry(after: .seconds(300), error: error))
        #expect(machine.attemptsMade == 2)
    }

    @Test(
        "A 3xx is a failure that names where it points and asks for the URL to be updated",
        arguments: [301, 302, 303, 307, 308]
    )
    func redirect(code: Int) {
        var machine = DeliveryStateMachine(schedule: Self.schedule)
        let decision = finish(&machine, Self.status(code, ["Location": "https://new.example.com/hook"]))
        #expect(
            decision
                == .retry(
                    after: .seconds(5),
                    error: "HTTP \(code): redirects are not followed (it points to https://new.example.com/hook); "
                        + "set the webhook URL to where the endpoint is now"
                )
        )
    }

    @Test("410 Gone disables the endpoint, whatever the schedule has left")
    func gone() {
        var machine = DeliveryStateMachine(schedule: Self.schedule, attemptsMade: 1)
        let error = "HTTP 410: the receiver no longer accepts these events, so the endpoint is disabled"
        #expect(finish(&machine, Self.status(410)) == .disableEndpoint(error: error))
        #expect(machine.state == .endpointDisabled(attempts: 2, lastError: error))
        // Nothing changes it afterwards.
        #expect(finish(&machine, Self.status(200)) == .disableEndpoint(error: error))
        #expect(machine.attemptsMade == 2)
    }

    @Test("429 and 503 wait what Retry-After asks when it is longer than the schedule's delay", arguments: [429, 503])
    func retryAfterSeconds(code: Int) {
        var machine = DeliveryStateMachine(schedule: Self.schedule)
        #expect(
            finish(&machine, Self.status(code, ["Retry-After": "120"]))
                == .retry(after: .seconds(120), error: "HTTP \(code)")
        )
        // Shorter than the schedule's next delay (5 min): the schedule's delay stands.
        #expect(
            finish(&machine, Self.status(code, ["retry-after": "2"]))
                == .retry(after: .seconds(300), error: "HTTP \(code)")
        )
    }

    @Test("Retry-After as an HTTP date, measured from now")
    func retryAfterDate() {
        var machine = DeliveryStateMachine(schedule: Self.schedule)
        let inTenMinutes = "Fri, 20 Nov 2026 09:40:05 GMT"
        #expect(
            finish(&machine, Self.status(503, ["Retry-After": inTenMinutes]))
                == .retry(after: .seconds(600), error: "HTTP 503")
        )
    }

    @Test("Retry-After is bounded, and ignored when unreadable or on other statuses")
    func retryAfterBounds() {
        var bounded = DeliveryStateMachine(schedule: Self.schedule, maximumRetryAfter: .seconds(3600))
        #expect(
            finish(&bounded, Self.status(429, ["Retry-After": "86400"]))
                == .retry(after: .seconds(3600), error: "HTTP 429")
        )
        var standard = DeliveryStateMachine(schedule: Self.schedule)
        #expect(
            finish(&standard, Self.status(429, ["Retry-After": "31536000"]))
                == .retry(after: .seconds(36_000), error: "HTTP 429")
        )
        var unreadable = DeliveryStateMachine(schedule: Self.schedule)
        #expect(
            finish(&unreadable, Self.status(429, ["Retry-After": "soon"]))
                == .retry(after: .seconds(5), error: "HTTP 429")
        )
        var other = DeliveryStateMachine(schedule: Self.schedule)
        #expect(
            finish(&other, Self.status(500, ["Retry-After": "600"])) == .retry(after: .seconds(5), error: "HTTP 500")
        )
    }

    @Test("Failed for good when the schedule is used up, even on a 429, with the attempt count")
    func exhausted() {
        var machine = DeliveryStateMachine(schedule: Self.schedule)
        var delays: [Duration] = []
        for _ in 1..<8 {
            guard case .retry(let delay, _) = finish(&machine, Self.status(500)) else {
                Issue.record("expected a retry")
                return
            }
            delays.append(delay)
        }
        #expect(delays == Array(Self.schedule.delays.dropFirst()))
        let error = "HTTP 429 (gave up after 8 attempts)"
        #expect(finish(&machine, Self.status(429, ["Retry-After": "1"])) == .failed(error: error))
        #expect(machine.state == .failed(attempts: 8, lastError: error))
        #expect(finish(&machine, Self.status(200)) == .failed(error: error))

        var single = DeliveryStateMachine(schedule: RetrySchedule(delays: [.zero]))
        #expect(
            finish(&single, .timedOut(after: .seconds(15)))
                == .failed(error: "timed out after 15s (gave up after 1 attempt)")
        )
    }

    @Test("Restored past the end of its schedule, a delivery is already failed")
    func restoredExhausted() {
        let machine = DeliveryStateMachine(schedule: try! RetrySchedule(parsing: "0s,5s"), attemptsMade: 3)
        #expect(machine.state == .failed(attempts: 3, lastError: "all 2 attempts of the retry schedule are used"))
    }

    @Test("The schedule's jitter reaches the retries")
    func jitter() {
        var machine = DeliveryStateMachine(schedule: .standard)
        var random = ConstantGenerator(value: .min)
        #expect(
            machine.attemptFinished(Self.status(500), now: Self.now, using: &random)
                == .retry(after: .milliseconds(4500), error: "HTTP 500")
        )
    }

    @Test("Delivered is final: a late result changes nothing")
    func deliveredIsFinal() {
        var machine = DeliveryStateMachine(schedule: Self.schedule)
        #expect(finish(&machine, Self.status(200)) == .delivered)
        #expect(finish(&machine, Self.status(500)) == .delivered)
        #expect(machine.state == .delivered(attempts: 1))
    }
}
