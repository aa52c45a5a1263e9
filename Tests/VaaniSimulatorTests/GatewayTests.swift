import SimulatorHarness
import Foundation
import NIOCore
import NIOHTTP1
import Testing
import VaaniSimulator

@Suite("Authentication, rate limit and control endpoints over HTTP")
struct GatewayTests {
    @Test func healthAnswersWithTheDocumentedBody() async throws {
        try await withSimulator { simulator async throws in
            let response = try await simulator.send(.GET, "/api/health")
            #expect(response.status == 200)
            #expect(response.object["status"] as? String == "healthy")
            #expect(response.object["service"] as? String == "vaani-external-api")
        }
    }

    @Test func missingOrUnknownKeysGet401WithADetail() async throws {
        try await withSimulator(.init(apiKeys: ["vaani_0123456789abcdef0123456789abcdef"])) { simulator async throws in
            #expect(simulator.apiKey == "vaani_0123456789abcdef0123456789abcdef")
            let missing = try await simulator.send(.GET, "/api/health", apiKey: "")
            #expect(missing.status == 401)
            #expect((missing.object["detail"] as? String)?.contains("X-API-Key") == true)
            let wrong = try await simulator.send(.POST, "/api/trigger-call/", json: [:], apiKey: SimulatorConfiguration.demoAPIKey)
            #expect(wrong.status == 401)
            #expect(try await simulator.ledger().isEmpty)
        }
    }

    @Test func overTheRateLimitGets429WithRetryAfterPerKey() async throws {
        let keys = ["vaani_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "vaani_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"]
        // One token per 20 s: the third request is refused however slowly a loaded machine sends it.
        try await withSimulator(.init(apiKeys: keys, rateLimit: 0.05, burst: 2)) { simulator async throws in
            #expect(try await simulator.send(.GET, "/api/health").status == 200)
            #expect(try await simulator.send(.GET, "/api/health").status == 200)
            let limited = try await simulator.send(.GET, "/api/health")
            #expect(limited.status == 429)
            let retryAfter = try #require(limited.headers.first(name: "Retry-After").flatMap { Int($0) })
            #expect((1...20).contains(retryAfter))
            #expect(limited.object["detail"] is String)
            // The other key has its own bucket.
            #expect(try await simulator.send(.GET, "/api/health", apiKey: keys[1]).status == 200)
            let stats = try await simulator.stats()
            #expect(stats.count("GET /api/health", status: 429) == 1)
            #expect(stats.count("GET /api/health", status: 200) == 3)
        }
    }

    @Test func statsCountRoutesByTemplateAndStatus() async throws {
        try await withSimulator { simulator async throws in
            _ = try await simulator.send(.GET, "/api/call_details/nope-1")
            _ = try await simulator.send(.GET, "/api/call_details/nope-2")
            _ = try await simulator.send(.GET, "/not/a/route")
            let stats = try await simulator.stats()
            #expect(stats.count("GET /api/call_details/{call_id}", status: 404) == 2)
            #expect(stats.count("GET (other)", status: 404) == 1)
            #expect(stats.callsPlaced == 0)
        }
    }

    @Test func walletCanBeReadAndSet() async throws {
        try await withSimulator(.init(balance: 12)) { simulator async throws in
            #expect(try await simulator.balances() == [simulator.apiKey: 12])
            try await simulator.setBalance(3.5)
            #expect(try await simulator.balances() == [simulator.apiKey: 3.5])
            let negative = try await simulator.send(.POST, "/_sim/wallet", json: ["balance": -1])
            #expect(negative.status == 422)
        }
    }

    @Test func latencyDelaysEveryAPIResponse() async throws {
        try await withSimulator(.init(latency: .milliseconds(150))) { simulator async throws in
            let clock = ContinuousClock()
            let start = clock.now
            #expect(try await simulator.send(.GET, "/api/health").status == 200)
            #expect(start.duration(to: clock.now) >= .milliseconds(150))
        }
    }

    @Test func aBadConfigurationIsRejectedBeforeListening() async throws {
        await #expect(throws: SimulatorConfigurationError.self) {
            try await withSimulator(.init(speed: 0)) { _ in }
        }
        #expect(throws: SimulatorConfigurationError(field: "error-rate", problem: "1.5 must be a probability between 0 and 1")) {
            try SimulatorConfiguration(errorRate: 1.5).validate()
        }
    }
}
