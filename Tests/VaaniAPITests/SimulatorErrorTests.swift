import SimulatorHarness
import Foundation
import Testing
import VaaniAPI
import VaaniSimulator

@Suite("Errors provoked on the simulator")
struct SimulatorErrorTests {
    private let asha = TriggerCallRequest(
        agentID: SimulatorConfiguration.demoAgentName, contactNumber: "+919876543210", name: "Asha"
    )

    @Test("A wrong key is an authentication error that never shows the key")
    func wrongKey() async throws {
        try await withSimulator { simulator in
            let wrongKey = "vaani_ffffffffffffffffffffffffffffffff"
            try await VaaniClient.withClient(clientConfiguration(simulator, apiKey: wrongKey)) { client in
                let error = await #expect(throws: VaaniError.self) { try await client.health() }
                #expect(error?.kind == .authentication)
                #expect(error?.statusCode == 401)
                #expect(error.map { !$0.description.contains(wrongKey) && !$0.message.contains(wrongKey) } == true)
            }
        }
    }

    @Test("An unknown call is not found, for details, transcript and audio")
    func unknownCall() async throws {
        try await withSimulator { simulator in
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                for operation in ["details", "transcript", "audio"] {
                    let error = await #expect(throws: VaaniError.self) {
                        switch operation {
                        case "details": _ = try await client.calls.details(callID: "no-such-call")
                        case "transcript": _ = try await client.calls.transcript(callID: "no-such-call")
                        default: _ = try await client.calls.audio(callID: "no-such-call")
                        }
                    }
                    #expect(error?.kind == .notFound)
                    #expect(error?.statusCode == 404)
                    #expect(error?.message.isEmpty == false)
                }
            }
        }
    }

    @Test("An invalid number is a validation error naming the field")
    func invalidNumber() async throws {
        try await withSimulator { simulator in
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                var call = asha
                call.contactNumber = "98765"
                let error = await #expect(throws: VaaniError.self) { try await client.calls.trigger(call) }
                #expect(error?.kind == .validation)
                #expect(error?.statusCode == 422)
                #expect(error?.message.contains("contact_number") == true)
                #expect(error?.isOutcomeUnknown == false)
                let placed = try await simulator.ledger()
                #expect(placed.isEmpty)
            }
        }
    }

    @Test("A DND number is forbidden unless the check is skipped")
    func dndNumber() async throws {
        try await withSimulator(SimulatorConfiguration(dndNumbers: ["+919876543210"])) { simulator in
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                let error = await #expect(throws: VaaniError.self) { try await client.calls.trigger(asha) }
                #expect(error?.kind == .forbidden)
                #expect(error?.statusCode == 403)
                var skipping = asha
                skipping.dndCheckSkipped = true
                let skipped = try await client.calls.trigger(skipping)
                #expect(skipped.callID != nil)
                let placed = try await simulator.ledger()
                #expect(placed.count == 1)
            }
        }
    }

    @Test("A zero balance is insufficientBalance and places nothing")
    func zeroBalance() async throws {
        try await withSimulator { simulator in
            try await simulator.setBalance(0)
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                let error = await #expect(throws: VaaniError.self) { try await client.calls.trigger(asha) }
                #expect(error?.kind == .insufficientBalance)
                #expect(error?.statusCode == 402)
                let placed = try await simulator.ledger()
                #expect(placed.isEmpty)
            }
        }
    }

    @Test("A rate-limited trigger carries Retry-After when the policy does not retry it")
    func rateLimited() async throws {
        // One token per 20 s: the second trigger is refused however slowly a loaded (or sanitized)
        // machine sends it, and nothing here waits for the next token.
        try await withSimulator(SimulatorConfiguration(rateLimit: 0.05, burst: 1)) { simulator in
            var policy = RetryPolicy.default
            policy.retriesWritesWhenRateLimited = false
            try await VaaniClient.withClient(clientConfiguration(simulator, retryPolicy: policy)) { client in
                _ = try await client.calls.trigger(asha)
                let error = await #expect(throws: VaaniError.self) { try await client.calls.trigger(asha) }
                #expect(error?.kind == .rateLimited)
                #expect(error?.statusCode == 429)
                #expect((error?.retryAfter ?? .zero) >= .seconds(1))
                let placed = try await simulator.ledger()
                #expect(placed.count == 1)
            }
        }
    }

    @Test("By default a rate-limited trigger waits out Retry-After and then places exactly one call")
    func rateLimitedTriggerRetried() async throws {
        // One token per 20 s, which the health check takes: the trigger is refused however slowly a
        // loaded (or sanitized) machine sends it, and then waits out up to 20 s of Retry-After.
        try await withSimulator(SimulatorConfiguration(rateLimit: 0.05, burst: 1)) { simulator in
            let policy = RetryPolicy(initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(2))
            try await VaaniClient.withClient(clientConfiguration(simulator, retryPolicy: policy)) { client in
                _ = try await client.health()
                let started = ContinuousClock.now
                let result = try await client.calls.trigger(asha, idempotencyKey: "attempt-7")
                #expect(ContinuousClock.now - started >= .seconds(1))
                #expect(result.callID != nil)
                let placed = try await simulator.ledger()
                #expect(placed.map(\.callID) == [result.callID])
                let stats = try await simulator.stats()
                #expect(stats.count(status: 429) >= 1)
            }
        }
    }

    @Test("Retry-After is honoured: a rate-limited read waits at least that long, then succeeds")
    func retryAfterHonoured() async throws {
        // One token per 20 s: the second request is refused however slowly a loaded (or sanitized) machine
        // sends it, and then waits out up to 20 s of Retry-After.
        try await withSimulator(SimulatorConfiguration(rateLimit: 0.05, burst: 1)) { simulator in
            let policy = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(2))
            try await VaaniClient.withClient(clientConfiguration(simulator, retryPolicy: policy)) { client in
                _ = try await client.health()
                let started = ContinuousClock.now
                let health = try await client.health()
                let waited = ContinuousClock.now - started
                #expect(health.isHealthy)
                #expect(waited >= .seconds(1))
                let stats = try await simulator.stats()
                #expect(stats.count(status: 429) >= 1)
            }
        }
    }

    @Test("An injected 5xx on a trigger is thrown, not retried, and flagged as possibly placed")
    func injectedServerError() async throws {
        try await withSimulator(SimulatorConfiguration(errorRate: 1)) { simulator in
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                let error = await #expect(throws: VaaniError.self) { try await client.calls.trigger(asha) }
                #expect(error?.kind == .server)
                #expect((500...599).contains(error?.statusCode ?? 0))
                #expect(error?.isOutcomeUnknown == true)
                let stats = try await simulator.stats()
                #expect(stats.count(status: error?.statusCode ?? 500) == 1)
            }
        }
    }

    @Test("An ambiguous 5xx after placing is not retried: exactly one placement")
    func ambiguousServerError() async throws {
        try await withSimulator(SimulatorConfiguration(ambiguousRate: 1)) { simulator in
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                let error = await #expect(throws: VaaniError.self) { try await client.calls.trigger(asha) }
                #expect(error?.kind == .server)
                #expect(error?.isOutcomeUnknown == true)
                let placed = try await simulator.ledger()
                #expect(placed.count == 1)
                let stats = try await simulator.stats()
                #expect(stats.callsPlaced == 1)
            }
        }
    }

    @Test("A connection dropped after placing is a connection error that may have been sent: one placement")
    func droppedConnection() async throws {
        try await withSimulator(SimulatorConfiguration(dropRate: 1)) { simulator in
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                let error = await #expect(throws: VaaniError.self) { try await client.calls.trigger(asha) }
                #expect(error?.kind == .connection)
                #expect(error?.requestMayHaveBeenSent == true)
                #expect(error?.isOutcomeUnknown == true)
                let placed = try await simulator.ledger()
                #expect(placed.count == 1)
            }
        }
    }

    @Test("A hung trigger times out with the client's timeout and is not retried")
    func timeout() async throws {
        try await withSimulator(SimulatorConfiguration(hangRate: 1)) { simulator in
            let configuration = clientConfiguration(simulator, timeout: .milliseconds(500))
            try await VaaniClient.withClient(configuration) { client in
                let started = ContinuousClock.now
                let error = await #expect(throws: VaaniError.self) { try await client.calls.trigger(asha) }
                // The hang lasts 600 s: ending well before it is the client's timeout at work, even on a
                // loaded (or sanitized) machine; the ledger below shows it was not retried.
                #expect(ContinuousClock.now - started < .seconds(60))
                #expect(error?.kind == .timeout)
                #expect(error?.isOutcomeUnknown == true)
                let placed = try await simulator.ledger()
                #expect(placed.count == 1)
            }
        }
    }
}
