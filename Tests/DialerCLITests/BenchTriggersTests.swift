import Foundation
import SimulatorHarness
import Testing
import VaaniSimulator

/// `vaani-dialer-bench triggers`, the client-only load that `scripts/bench-dispatch.sh` compares the
/// engine with: every request it counts must have placed a call, failures must show, and the key goes
/// only where `vaani-dialer` would send it.
@Suite("vaani-dialer-bench triggers")
struct BenchTriggersTests {
    static let key = "vaani_0000000000000000000000000000abcd"

    @Test("each client places exactly the calls it reports, to consecutive numbers, over http to loopback",
        arguments: ["typed", "http"])
    func placesTheCallsItCounts(client: String) async throws {
        let (result, ledger) = try await Self.benchTriggers(
            ["--client", client, "--calls", "40", "--concurrency", "8", "--first-number", "9876500000"]
        )
        #expect(result.status == 0, "\(result.allOutput)")
        #expect(result.standardOutput.contains("\(client) client: 40 of 40 triggers answered"))
        let rate = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("trigger_rate=") }
        #expect((rate.flatMap { Int($0.dropFirst("trigger_rate=".count)) } ?? 0) > 0, "\(result.allOutput)")
        #expect(ledger.map(\.contactNumber).sorted() == (0..<40).map { "+91\(9_876_500_000 + $0)" })
    }

    @Test("rejected requests are counted by reason and fail the command", arguments: ["typed", "http"])
    func failuresAreReported(client: String) async throws {
        let (result, ledger) = try await Self.benchTriggers(
            ["--client", client, "--calls", "5", "--concurrency", "2"],
            apiKey: "vaani_not-the-simulators-key-0000"
        )
        #expect(result.status == 1, "\(result.allOutput)")
        #expect(result.standardOutput.contains("\(client) client: 0 of 5 triggers answered"), "\(result.allOutput)")
        #expect(result.standardOutput.contains("failed 5×"), "\(result.allOutput)")
        #expect(result.standardOutput.contains("401"), "\(result.allOutput)")
        #expect(ledger.isEmpty)
    }

    @Test("the key never goes over plain http to another machine: refused with the product's own message")
    func baseURLPolicy() async throws {
        try await SafetyDirectory.with { directory in
            let environment = ["VAANI_API_KEY": Self.key]
            let bench = try await DialerProcess.run(
                ["triggers", "--base-url", "http://192.0.2.1:8000", "--calls", "1"],
                in: directory.url, environment: environment, program: "vaani-dialer-bench", timeout: .seconds(60)
            )
            let product = try await DialerProcess.run(
                ["health", "--base-url", "http://192.0.2.1:8000"],
                in: directory.url, environment: environment, timeout: .seconds(60)
            )
            let refusal =
                "Error: --base-url http://192.0.2.1:8000: refusing to send the API key and contacts' numbers "
                + "unencrypted to 192.0.2.1 over plain http://. Use https://, or pass --allow-insecure if this "
                + "network is trusted."
            for result in [bench, product] {
                #expect(result.status == 64, "\(result.allOutput)")
                let firstLine = result.standardError.split(separator: "\n").first.map(String.init)
                #expect(firstLine == refusal, "\(result.allOutput)")
            }
            #expect(!(bench.allOutput + product.allOutput).contains(Self.key.dropFirst(6)))
        }
    }

    @Test("the key comes from the same sources as vaani-dialer's, with the same warning for a shared key file")
    func keyFile() async throws {
        try await SafetyDirectory.with { directory in
            try await withSimulator(SimulatorConfiguration(seed: 3, speed: 1000)) { simulator in
                let keyFile = try directory.write("bench.key", simulator.apiKey + "\n", mode: 0o640)
                let result = try await DialerProcess.run(
                    [
                        "triggers", "--base-url", simulator.baseURL.absoluteString, "--calls", "3",
                        "--api-key-file", keyFile,
                    ],
                    in: directory.url, program: "vaani-dialer-bench", timeout: .seconds(60)
                )
                #expect(result.status == 0, "\(result.allOutput)")
                #expect(result.standardOutput.contains("typed client: 3 of 3 triggers answered"), "\(result.allOutput)")
                #expect(
                    result.standardError.contains(
                        "warning: API key file \(keyFile) is readable by group/others (mode 640); "
                            + "restrict it with: chmod 600 \(keyFile)"
                    ),
                    "\(result.allOutput)"
                )
                #expect(try await simulator.ledger().count == 3)
            }
        }
    }

    /// Runs `vaani-dialer-bench triggers` with `arguments` against a fresh simulator, with the
    /// simulator's key unless `apiKey` is given, and returns its result and the simulator's ledger.
    static func benchTriggers(_ arguments: [String], apiKey: String? = nil) async throws
        -> (DialerProcess.Result, [LedgerEntry])
    {
        try await SafetyDirectory.with { directory in
            try await withSimulator(SimulatorConfiguration(seed: 3, speed: 1000)) { simulator in
                let result = try await DialerProcess.run(
                    ["triggers", "--base-url", simulator.baseURL.absoluteString] + arguments,
                    in: directory.url, environment: ["VAANI_API_KEY": apiKey ?? simulator.apiKey],
                    program: "vaani-dialer-bench", timeout: .seconds(60)
                )
                return (result, try await simulator.ledger())
            }
        }
    }
}
