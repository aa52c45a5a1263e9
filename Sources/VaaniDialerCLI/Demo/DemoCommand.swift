import ArgumentParser
import CampaignEngine
import CampaignReports
import CampaignStore
import SimulatorHarness
import Foundation
import Logging
import VaaniSimulator

/// `vaani-dialer demo`: the whole product in one command against the embedded simulator — import a
/// flawed contact list, run the campaign through a rate-limit burst and an empty wallet, top up, resume,
/// and write the three reports.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Import the demo contacts and run them against a local simulator, then write the reports.",
        discussion: """
            Starts a Vaani simulator on a free loopback port, imports campaigns/demo/contacts.csv (region IN), \
            runs the campaign until the simulated wallet is empty (402), tops it up, resumes, and writes \
            demo.csv, demo.jsonl and demo.html next to a fresh demo database in campaigns/demo/out/. \
            Nothing leaves this machine.
            """
    )

    @Option(help: "The demo contact list.")
    var contacts = "campaigns/demo/contacts.csv"

    @Option(help: "Where the demo database and the reports are written (replaced on every run).")
    var output = "campaigns/demo/out"

    @Flag(help: "Run the demo inside `serve` and watch it on the dashboard, until Ctrl-C.")
    var serve = false

    @Option(help: ArgumentHelp("With --serve: the dashboard's address.", valueName: "host:port"))
    var listen = ListenAddress(host: "127.0.0.1", port: 8080)

    func run() async throws {
        guard FileManager.default.fileExists(atPath: contacts) else {
            throw ValidationError(
                "\(contacts) does not exist. Run the demo from the repository's root, or point --contacts at a contact CSV."
            )
        }
        let databasePath = try prepareOutput()
        if serve {
            try await DemoServe(contacts: contacts, databasePath: databasePath, listen: listen).run()
            return
        }
        var logger = Logger(label: "vaani.engine")
        // The progress line already shows backoffs and pauses; info lines would break it up.
        logger.logLevel = .warning

        try await withSimulator(DemoScenario.simulator(balance: DemoScenario.startingBalance)) { simulator in
            print("Vaani simulator listening on \(simulator.baseURL.absoluteString) (25 requests/s per key, wallet \(DemoScenario.startingBalance))")

            print("\n== Import \(contacts)")
            try await ImportCommand.parse([
                contacts, "--campaign", DemoScenario.campaign, "--agent", SimulatorConfiguration.demoAgentID,
                "--region", "IN", "--db", databasePath,
            ]).run()
            let database = try DatabaseOptions.parse(["--db", databasePath])
            let store = try database.openExisting()
            guard let campaign = try await store.campaign(named: DemoScenario.campaign) else {
                throw ValidationError("the demo campaign is missing from \(databasePath) after its import")
            }

            print("\n== Run campaign \(DemoScenario.campaign)")
            let run = CampaignRun(
                name: DemoScenario.campaign,
                database: database,
                options: try RunOptions.parse(DemoScenario.runArguments)
            )
            var outcome = try await run.perform(apiKey: simulator.apiKey, baseURL: simulator.baseURL, logger: logger)
            if outcome == .paused(.insufficientBalance) {
                let counts = try await store.contactCounts(ofCampaign: campaign.id)
                let final = counts.filter { $0.key.isFinal }.values.reduce(0, +)
                let waiting = counts.filter { !$0.key.isFinal }.values.reduce(0, +)
                print(
                    "The API answered 402 (insufficient balance) with \(final) contacts final: dialing stopped, the calls "
                        + "in progress were followed to their end, and the campaign paused. Nobody was marked failed "
                        + "for it; the \(waiting) others are waiting."
                )
                print("Topping up the simulator's wallet to \(DemoScenario.toppedUpBalance) (POST /_sim/wallet) and resuming…")
                try await simulator.setBalance(DemoScenario.toppedUpBalance)
                outcome = try await run.perform(apiKey: simulator.apiKey, baseURL: simulator.baseURL, logger: logger)
            }
            guard outcome == .completed else {
                try await run.report(outcome)
                throw ExitCode.failure
            }
            try await run.report(outcome)

            let stats = try await simulator.stats()
            print(Self.apiSummary(stats))

            print("\n== Reports")
            let reporter = CampaignReporter(store: store)
            let base = (output as NSString).appendingPathComponent(DemoScenario.campaign)
            try await reporter.exportCSV(campaign: DemoScenario.campaign, to: .file(path: base + ".csv"))
            try await reporter.exportJSONLines(campaign: DemoScenario.campaign, to: .file(path: base + ".jsonl"))
            try await reporter.exportHTML(campaign: DemoScenario.campaign, to: .file(path: base + ".html"))
            print(try await reporter.status(campaign: DemoScenario.campaign).renderedText())
            print("\nReports written to \(output)/: \(DemoScenario.campaign).html (open it in a browser), "
                + "\(DemoScenario.campaign).csv, \(DemoScenario.campaign).jsonl; rejected rows in "
                + "\(DemoScenario.campaign)-rejects.csv. Look around with: vaani-dialer status \(DemoScenario.campaign) --db \(databasePath)")
        }
    }

    /// Creates the output folder and removes the previous demo's database, so that every demo starts fresh.
    private func prepareOutput() throws -> String {
        try FileManager.default.createDirectory(
            atPath: output, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
        )
        let databasePath = (output as NSString).appendingPathComponent("\(DemoScenario.campaign).sqlite")
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: databasePath + suffix) {
            try FileManager.default.removeItem(atPath: databasePath + suffix)
        }
        return databasePath
    }

    /// What the simulated API saw: trigger answers by status, so the 429s, the 402 and the DND 403 are
    /// visible next to the calls placed.
    static func apiSummary(_ stats: SimulatorStats) -> String {
        let route = "POST /api/trigger-call/"
        let answers = (stats.requests[route] ?? [:]).sorted { $0.key < $1.key }.map { status, count in
            let meaning = [
                "200": "placed", "402": "insufficient balance", "403": "do not disturb", "422": "invalid",
                "429": "rate limited",
            ][status].map { " \($0)" } ?? ""
            return "\(count)× \(status)\(meaning)"
        }
        let requests = stats.requests.values.reduce(0) { $0 + $1.values.reduce(0, +) }
        return "Simulated API: \(requests) requests, \(stats.callsPlaced) calls placed, "
            + "\(stats.count(status: 429)) answers of 429 in all. Trigger answers: \(answers.joined(separator: ", "))."
    }
}
