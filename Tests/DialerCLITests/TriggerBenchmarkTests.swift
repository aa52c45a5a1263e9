import CampaignStore
import Foundation
import SimulatorHarness
import Testing
import VaaniSimulator

/// `vaani-dialer bench-triggers`, the client-only load that `scripts/bench-dispatch.sh` compares the
/// engine with: every request it counts must have placed a call, and failures must show.
@Suite("bench-triggers")
struct TriggerBenchmarkTests {
    @Test("each client places exactly the calls it reports, to consecutive numbers", arguments: ["typed", "http"])
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

    @Test("the key goes only where run would send it: never over plain http to another machine")
    func baseURLPolicy() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bench-triggers-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await DialerProcess.run(
            ["bench-triggers", "--base-url", "http://192.0.2.1:8000", "--calls", "1"],
            in: directory, environment: ["VAANI_API_KEY": "vaani_0000000000000000000000000000abcd"], timeout: .seconds(60)
        )
        #expect(result.status != 0)
        #expect(result.allOutput.contains("--allow-insecure"), "\(result.allOutput)")
        #expect(!result.allOutput.contains("vaani_0000000000000000000000000000abcd"))
    }

    /// Runs `bench-triggers` with `arguments` against a fresh simulator, with the simulator's key
    /// unless `apiKey` is given, and returns its result and the simulator's ledger afterwards.
    static func benchTriggers(_ arguments: [String], apiKey: String? = nil) async throws
        -> (DialerProcess.Result, [LedgerEntry])
    {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bench-triggers-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await withSimulator(SimulatorConfiguration(seed: 3, speed: 1000)) { simulator in
            let result = try await DialerProcess.run(
                ["bench-triggers", "--base-url", simulator.baseURL.absoluteString] + arguments,
                in: directory, environment: ["VAANI_API_KEY": apiKey ?? simulator.apiKey], timeout: .seconds(60)
            )
            return (result, try await simulator.ledger())
        }
    }
}
