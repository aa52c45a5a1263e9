import AsyncHTTPClient
import CampaignStore
import Foundation
import NIOCore
import NIOHTTP1
import SQLiteStore
import SimulatorHarness
import Testing
import VaaniSimulator

#if canImport(Glibc)
import Glibc
#endif

/// `vaani-dialer start` and `vaani-dialer serve` through the real executable: the token printed once
/// and kept owner-only, the dashboard's address, SIGTERM's graceful stop, and a second serve that
/// carries the campaign to its end.
@Suite("start and serve")
struct ServeCommandTests {
    @Test("serve dials a started campaign, stops gracefully on SIGTERM, and a second serve finishes it")
    func serveAndRestart() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("serve-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let numbers = (0..<100).map { "+9198765\(String(format: "%05d", 30_000 + $0))" }
        let csv = "name,phone\n" + numbers.enumerated().map { "Contact \($0.offset),\($0.element)\n" }.joined()
        try csv.write(to: directory.appendingPathComponent("contacts.csv"), atomically: true, encoding: .utf8)
        let database = directory.appendingPathComponent("dialer.sqlite").path
        let tokenPath = database + ".token"

        let configuration = SimulatorConfiguration(
            seed: 6, speed: 600, answerRate: 1, noAnswerRate: 0, busyRate: 0, failRate: 0, voicemailRate: 0)
        try await withSimulator(configuration) { simulator in
            let environment = ["VAANI_API_KEY": simulator.apiKey, "VAANI_BASE_URL": simulator.baseURL.absoluteString]
            let imported = try await DialerProcess.run(
                ["import", "contacts.csv", "--campaign", "daily", "--agent", SimulatorConfiguration.demoAgentID,
                 "--db", database],
                in: directory, environment: environment, timeout: .seconds(60))
            #expect(imported.status == 0, "\(imported.allOutput)")
            let started = try await DialerProcess.run(
                ["start", "daily", "--db", database, "--rate", "15", "--calling-hours", "none", "--max-attempts", "1"],
                in: directory, environment: environment, timeout: .seconds(60))
            #expect(started.status == 0, "\(started.allOutput)")
            #expect(started.standardOutput.contains("Campaign daily is running"))

            let serveArguments = ["serve", "--db", database, "--listen", "127.0.0.1:0", "--poll-interval", "200ms"]
            let first = try DialerProcess.start(serveArguments, in: directory, environment: environment)
            let port = try await Self.port(of: first)
            let token = try String(contentsOfFile: tokenPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            let attributes = try FileManager.default.attributesOfItem(atPath: tokenPath)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            #expect(try String(contentsOf: first.outputURL, encoding: .utf8).contains(token), "printed once, on creation")

            #expect(try await Self.get(port, "/healthz", token: nil).status == 200)
            #expect(try await Self.get(port, "/api/v1/campaigns", token: nil).status == 401)
            #expect(try await Self.get(port, "/api/v1/campaigns", token: token).status == 200)
            let deadline = ContinuousClock.now + .seconds(90)
            while try await simulator.ledger().count < 20, first.process.isRunning, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            kill(first.process.processIdentifier, SIGTERM)
            let stopped = try await first.finish()
            #expect(stopped.status == 0, "\(stopped.allOutput)")
            #expect(stopped.standardOutput.contains("Stopped: in-flight requests finished"))
            let store = try CampaignDatabase.open(at: database)
            let campaign = try #require(try store.campaign(named: "daily"))
            #expect(campaign.status == .running, "still wanted: the next serve carries on")
            #expect(campaign.lease == nil)
            #expect(try await simulator.ledger().count < numbers.count)

            let second = try DialerProcess.start(serveArguments, in: directory, environment: environment)
            let secondPort = try await Self.port(of: second)
            #expect(!(try String(contentsOf: second.outputURL, encoding: .utf8).contains(token)), "not printed again")
            let finish = ContinuousClock.now + .seconds(120)
            while ContinuousClock.now < finish {
                let (_, body) = try await Self.get(secondPort, "/api/v1/campaigns/daily", token: token)
                if body.contains(#""state":"completed""#) { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            kill(second.process.processIdentifier, SIGTERM)
            let secondStopped = try await second.finish()
            #expect(secondStopped.status == 0, "\(secondStopped.allOutput)")
            #expect(try store.campaign(named: "daily")?.status == .completed)
            let ledger = try await simulator.ledger()
            #expect(ledger.count == numbers.count)
            #expect(Set(ledger.map(\.contactNumber)) == Set(numbers))
        }
    }

    @Test("run --metrics-listen serves the run's metrics behind the access token while it dials")
    func runMetrics() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("run-metrics-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let numbers = (0..<60).map { "+9198765\(String(format: "%05d", 40_000 + $0))" }
        let csv = "name,phone\n" + numbers.enumerated().map { "Contact \($0.offset),\($0.element)\n" }.joined()
        try csv.write(to: directory.appendingPathComponent("contacts.csv"), atomically: true, encoding: .utf8)
        let database = directory.appendingPathComponent("dialer.sqlite").path
        let configuration = SimulatorConfiguration(
            seed: 8, speed: 600, answerRate: 1, noAnswerRate: 0, busyRate: 0, failRate: 0, voicemailRate: 0)
        try await withSimulator(configuration) { simulator in
            let environment = ["VAANI_API_KEY": simulator.apiKey, "VAANI_BASE_URL": simulator.baseURL.absoluteString]
            let imported = try await DialerProcess.run(
                ["import", "contacts.csv", "--campaign", "metered", "--agent", SimulatorConfiguration.demoAgentID,
                 "--db", database],
                in: directory, environment: environment, timeout: .seconds(60))
            #expect(imported.status == 0, "\(imported.allOutput)")
            let run = try DialerProcess.start(
                ["run", "metered", "--db", database, "--rate", "10", "--calling-hours", "none", "--poll-interval", "200ms",
                 "--metrics-listen", "127.0.0.1:0"],
                in: directory, environment: environment)
            let port = try await Self.port(of: run, marker: "Metrics: http://127.0.0.1:", in: run.errorURL)
            let token = try String(contentsOfFile: database + ".token", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try await Self.get(port, "/metrics", token: nil).status == 401)
            let deadline = ContinuousClock.now + .seconds(60)
            var scraped = ""
            while ContinuousClock.now < deadline, run.process.isRunning {
                let (status, body) = try await Self.get(port, "/metrics", token: token)
                #expect(status == 200)
                scraped = body
                if body.contains(#"vaani_dialer_calls_placed_total{campaign="metered"}"#) { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(scraped.contains(#"vaani_dialer_calls_placed_total{campaign="metered"}"#))
            #expect(scraped.contains("vaani_dialer_api_request_duration_seconds_bucket"))
            let finished = try await run.finish()
            #expect(finished.status == 0, "\(finished.allOutput)")
        }
    }

    /// The port of the "Dashboard: http://127.0.0.1:PORT/" line.
    static func port(
        of running: DialerProcess.Running, marker: String = "Dashboard: http://127.0.0.1:", in file: URL? = nil
    ) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let output = (try? String(contentsOf: file ?? running.outputURL, encoding: .utf8)) ?? ""
            if let range = output.range(of: marker) {
                let digits = output[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits) { return port }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw DialerProcessError(description: "serve printed no dashboard address")
    }

    static func get(_ port: Int, _ path: String, token: String?) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: body))
    }
}
