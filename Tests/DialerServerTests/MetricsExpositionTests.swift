import CampaignStore
@testable import DialerServer
import Foundation
import NIOHTTP1
import SQLiteStore
import SimulatorHarness
import Testing
import VaaniSimulator

/// `/metrics` read by the Prometheus client library's own text-format parser, checked against the
/// simulator's ledger and request statistics after campaigns ran.
@Suite("Metrics exposition")
struct MetricsExpositionTests {
    /// Whether `python3` with `prometheus_client` is installed (`.ci/run` installs it).
    static let parserAvailable: Bool = PrometheusParser.isAvailable

    @Test(
        "placed calls, outcomes, 429s and contacts match the ledger after two campaigns",
        .enabled(if: parserAvailable, "needs python3 with prometheus-client (python3 -m pip install prometheus-client)")
    )
    func countersMatchLedger() async throws {
        let store = try TestStore(campaigns: ["alpha", "beta"], contacts: 40)
        defer { store.remove() }
        // A low rate limit on the simulator makes the runners meet 429s.
        let configuration = SimulatorConfiguration(
            seed: 21, speed: 2000, rateLimit: 20, burst: 5, answerRate: 0.6, noAnswerRate: 0.3, busyRate: 0.1,
            failRate: 0, voicemailRate: 0, hangDuration: .seconds(2))
        try await withSimulator(configuration) { simulator in
            let text = try await ServeHarness.run(store, simulator) { serve in
                for name in ["alpha", "beta"] {
                    #expect(try await serve.request(.POST, "/api/v1/campaigns/\(name)/start", body: #"{"rate": 0, "concurrency": 8, "max_attempts": 1}"#).status == 200)
                }
                for name in ["alpha", "beta"] {
                    try await serve.waitFor(name, timeout: .seconds(120)) { $0.state == "completed" }
                }
                let (status, body) = try await serve.request(.GET, "/metrics")
                #expect(status == 200)
                return body
            }
            let samples = try PrometheusParser.parse(text)
            let ledger = try await simulator.ledger()
            let stats = try await simulator.stats()
            for (index, name) in ["alpha", "beta"].enumerated() {
                let placed = ledger.filter { $0.contactNumber.hasPrefix("+9198\(index)") }.count
                #expect(placed == 40)
                #expect(samples.value("vaani_dialer_calls_placed_total", ["campaign": name]) == Double(placed))
                let outcomes = samples.sum("vaani_dialer_call_outcomes_total", ["campaign": name])
                #expect(outcomes == Double(placed))
                let summary = try #require(try store.database.campaign(named: name))
                let counts = try store.database.contactCounts(ofCampaign: summary.id)
                for (state, count) in counts {
                    #expect(samples.value("vaani_dialer_contacts", ["campaign": name, "state": state.rawValue]) == Double(count))
                }
                #expect(samples.value("vaani_dialer_requests_in_flight", ["campaign": name]) == 0)
                #expect(samples.value("vaani_dialer_active_calls", ["campaign": name]) == 0)
            }
            let rateLimited = samples.sum("vaani_dialer_rate_limited_total", [:])
            #expect(rateLimited > 0, "the simulator's limit was met")
            #expect(rateLimited == Double(stats.count(status: 429)))
            #expect(samples.sum("vaani_dialer_api_request_duration_seconds_count", ["operation": "trigger_call", "status": "ok"]) == Double(ledger.count))
            #expect(
                samples.sum("vaani_dialer_api_request_duration_seconds_count", ["operation": "trigger_call"])
                    == Double(stats.count("POST /api/trigger-call/", status: 200) + stats.count("POST /api/trigger-call/", status: 429)))
            #expect((samples.value("vaani_dialer_call_duration_seconds_count", [:]) ?? 0) > 0)
            #expect(samples.value("vaani_dialer_webhook_deliveries_total", ["result": "delivered"]) == 0)
            // No high-cardinality label: no number, contact or call id anywhere.
            #expect(!text.contains("+9198"))
            #expect(!ledger.contains { text.contains($0.callID) })
        }
    }
}

/// Runs `prometheus_client.parser.text_string_to_metric_families` over an exposition.
enum PrometheusParser {
    struct Sample: Decodable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    static let script = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        samples = []
        for family in text_string_to_metric_families(sys.stdin.read()):
            for sample in family.samples:
                samples.append({"name": sample.name, "labels": sample.labels, "value": sample.value})
        print(json.dumps(samples))
        """

    static var isAvailable: Bool {
        (try? run(arguments: ["-c", "import prometheus_client.parser"], input: "")) != nil
    }

    static func parse(_ text: String) throws -> [Sample] {
        let output = try run(arguments: ["-c", script], input: text)
        return try JSONDecoder().decode([Sample].self, from: output)
    }

    static func run(arguments: [String], input: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw HarnessError("python3 exited \(process.terminationStatus)") }
        return output
    }
}

extension [PrometheusParser.Sample] {
    /// The value of the one sample named `name` whose labels include `labels`.
    func value(_ name: String, _ labels: [String: String]) -> Double? {
        let matching = filter { sample in sample.name == name && labels.allSatisfy { key, value in sample.labels[key] == value } }
        return matching.count == 1 ? matching[0].value : nil
    }

    /// The sum over every sample named `name` whose labels include `labels`.
    func sum(_ name: String, _ labels: [String: String]) -> Double {
        filter { sample in sample.name == name && labels.allSatisfy { key, value in sample.labels[key] == value } }.reduce(0) { $0 + $1.value }
    }
}
