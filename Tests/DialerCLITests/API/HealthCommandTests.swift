import CampaignStore
import Foundation
import SimulatorHarness
import Testing
import VaaniSimulator

/// `vaani-dialer health` against the simulator, a refused key and a closed port.
@Suite("vaani-dialer health")
struct HealthCommandTests {
    @Test("a healthy API: its status, service and one request's latency, exit code 0")
    func healthy() async throws {
        try await APIBench.with { bench in
            let result = try await bench.dialer(["health"])
            #expect(result.status == 0, "\(result.allOutput)")
            #expect(result.standardOutput.hasPrefix("healthy (vaani-external-api) at \(bench.simulator.baseURL.absoluteString) in "))
            #expect(result.standardOutput.contains(" ms"))
        }
    }

    @Test("a refused key exits 4 and names the fix; the key is not printed")
    func refusedKey() async throws {
        try await APIBench.with { bench in
            let key = "vaani_ffffffffffffffffffffffffdeadbeef"
            let result = try await bench.dialer(["health"], environment: ["VAANI_API_KEY": key])
            #expect(result.status == 4, "\(result.allOutput)")
            #expect(result.standardError.contains("the API key was refused (401)"))
            #expect(!result.allOutput.contains(key))
        }
    }

    @Test("an unreachable API exits 1 and says so")
    func unreachable() async throws {
        try await SafetyDirectory.with { directory in
            // 127.0.0.2 (the test simulators bind 127.0.0.1), port 9: nothing listens there.
            let result = try await DialerProcess.run(
                ["health"], in: directory.url,
                environment: ["VAANI_API_KEY": SimulatorConfiguration.demoAPIKey, "VAANI_BASE_URL": "http://127.0.0.2:9"]
            )
            #expect(result.status == 1, "\(result.allOutput)")
            #expect(result.standardError.contains("error: "))
        }
    }

    @Test("a missing key is a usage error (64)")
    func missingKey() async throws {
        try await SafetyDirectory.with { directory in
            let result = try await DialerProcess.run(["health"], in: directory.url)
            #expect(result.status == 64, "\(result.allOutput)")
            #expect(result.standardError.contains("No API key"))
        }
    }
}
