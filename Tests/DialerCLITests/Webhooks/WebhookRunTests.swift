import CampaignStore
import Foundation
import SQLiteStore
import SimulatorHarness
import Testing
import VaaniSimulator
import Webhooks

/// `run`, `pause` and `resume` through the real `vaani-dialer` executable against the simulator, with
/// a real receiver on loopback.
@Suite("webhooks during a run")
struct WebhookRunTests {
    @Test("a paused and resumed run delivers its campaign events, signed, and keeps the secret out of the store")
    func pauseAndResume() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("webhook-run-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var csv = "name,phone\n"
        for index in 0..<40 { csv += "Contact \(index),98765\(String(format: "%05d", 20_000 + index))\n" }
        try csv.write(to: directory.appendingPathComponent("contacts.csv"), atomically: true, encoding: .utf8)
        let database = directory.appendingPathComponent("dialer.sqlite").path
        let secretFile = directory.appendingPathComponent("hooks.whsec").path

        try await WebhookReceiver.with(respond: { _ in ReceiverAnswer(status: 200) }) { url, log in
            try await withSimulator(SimulatorConfiguration(seed: 5, speed: 600)) { simulator in
                let environment = ["VAANI_API_KEY": simulator.apiKey, "VAANI_BASE_URL": simulator.baseURL.absoluteString]
                let imported = try await DialerProcess.run(
                    ["import", "contacts.csv", "--campaign", "hooks", "--agent", SimulatorConfiguration.demoAgentID,
                     "--region", "IN", "--db", database],
                    in: directory, environment: environment, timeout: .seconds(60))
                #expect(imported.status == 0, "\(imported.allOutput)")
                let secretRun = try await DialerProcess.run(
                    ["webhooks", "hooks", "--new-secret", secretFile, "--db", database],
                    in: directory, environment: environment, timeout: .seconds(60))
                #expect(secretRun.status == 0, "\(secretRun.allOutput)")
                let secretText = try String(contentsOfFile: secretFile, encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                let secret = try WebhookSecret(parsing: secretText)

                let runArguments = [
                    "--db", database, "--rate", "4", "--concurrency", "2", "--calling-hours", "none",
                    "--poll-interval", "200ms", "--request-timeout", "5s",
                    "--webhook-url", url.absoluteString + "/crm", "--webhook-secret-file", secretFile,
                    "--webhook-retries", "0s,1s,1s", "--webhook-drain", "30s",
                ]
                let first = try DialerProcess.start(["run", "hooks"] + runArguments, in: directory, environment: environment)
                let deadline = ContinuousClock.now + .seconds(90)
                while try await simulator.ledger().count < 5, first.process.isRunning, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(20))
                }
                let paused = try await DialerProcess.run(
                    ["pause", "hooks", "--db", database], in: directory, environment: environment, timeout: .seconds(60))
                #expect(paused.status == 0, "\(paused.allOutput)")
                let stopped = try await first.finish()
                #expect(stopped.status == 6, "\(stopped.allOutput)")

                let resumed = try await DialerProcess.run(
                    ["resume", "hooks", "--db", database], in: directory, environment: environment,
                    timeout: .seconds(240))
                #expect(resumed.status == 0, "\(resumed.allOutput)")
                #expect(resumed.allOutput.contains("Webhooks:"), "\(resumed.allOutput)")
                for output in [stopped.allOutput, resumed.allOutput, paused.allOutput] {
                    #expect(!output.contains(secretText))
                }

                let requests = log.requests(to: "/crm")
                #expect(!requests.isEmpty)
                for request in requests {
                    let headers = try WebhookHeaders(request.fields)
                    try WebhookSigner(secret: secret).verify(headers, body: request.body, now: Date())
                }
                let pausedEvents = requests.filter {
                    String(decoding: $0.body, as: UTF8.self).contains("\"type\":\"campaign.paused\"")
                }
                #expect(pausedEvents.count >= 1)
                #expect(pausedEvents.allSatisfy { String(decoding: $0.body, as: UTF8.self).contains("\"reason\":\"by_user\"") })

                let store = try CampaignDatabase.open(at: database)
                let campaign = try #require(try store.campaign(named: "hooks"))
                #expect(campaign.settings.webhooks.secretFiles == [secretFile])
                let settings = String(decoding: try JSONEncoder().encode(campaign.settings), as: UTF8.self)
                #expect(!settings.contains(secretText))
                #expect(!settings.contains(String(secretText.dropFirst(6).prefix(16))))
                let totals = try store.deliveryTotals(ofCampaign: campaign.id)
                #expect(totals.map(\.pending) == [0])
                #expect(totals.map(\.failed) == [0])
            }
        }
    }
}
