@testable import SQLiteStore
import CampaignEngine
import CampaignStore
import ContactImport
import SimulatorHarness
import Foundation
import GRDB
import Testing
import VaaniAPI
import VaaniSimulator

/// Faults of the campaign database on real files: a full disk, read-only files and directories, a lock
/// held by another connection, and a second runner. Each gives a clear error naming the file, and
/// afterwards every contact is still there, unchanged, and reached exactly once after a resume.
@Suite("Store faults")
struct StoreFaultTests {
    static func numbers(_ count: Int, from start: Int = 0) -> [String] {
        (start..<start + count).map { "+919810" + String(format: "%06d", $0) }
    }

    /// A simulator whose every call is answered and ends within a fraction of a second.
    static let simulator = SimulatorConfiguration(
        seed: 3, speed: 2000, answerRate: 1, noAnswerRate: 0, busyRate: 0, failRate: 0, voicemailRate: 0
    )

    /// Name, number, status and attempts of every contact, in row order.
    static func snapshot(_ store: CampaignDatabase, _ campaign: String) throws -> [String] {
        guard let campaign = try store.campaign(named: campaign) else { return [] }
        return try store.contacts(ofCampaign: campaign.id, limit: 100_000).map {
            "\($0.rowNumber)|\($0.name)|\($0.phoneE164)|\($0.status.rawValue)|\($0.attempts)"
        }
    }

    static func insert(_ numbers: [String], into store: CampaignDatabase, campaign name: String) throws {
        let campaign = try store.createCampaign(name: name, agentID: SimulatorConfiguration.demoAgentName)
        _ = try store.insertContacts(
            numbers.enumerated().map { NewContact(rowNumber: $0.offset + 2, name: "Person \($0.offset)", phoneE164: $0.element) },
            intoCampaign: campaign.id
        )
    }

    /// The database at `path` with SQLite's page limit set on every connection: a disk that is full.
    static func cappedDatabase(at path: String, extraPages: Int) throws -> CampaignDatabase {
        let pages = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
        var configuration = CampaignDatabase.makeConfiguration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA max_page_count = \(pages + extraPages)")
        }
        return try CampaignDatabase(DatabasePool(path: path, configuration: configuration), path: path)
    }

    static func integrity(_ path: String) throws -> String {
        try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "" }
    }

    static func run(_ store: CampaignDatabase, campaign name: String, on simulator: RunningSimulator) async throws -> RunOutcome {
        let campaign = try #require(try store.campaign(named: name))
        let configuration = EngineConfiguration(
            concurrency: 8, rate: 0, requestTimeout: .seconds(5), pollInterval: .milliseconds(50)
        )
        let client = VaaniConfiguration(
            apiKey: simulator.apiKey, baseURL: simulator.baseURL, timeout: .seconds(5),
            retryPolicy: RetryPolicy(retriesWritesWhenRateLimited: false, retriesWritesWhenNotSent: false)
        )
        return try await VaaniClient.withClient(client) { client in
            try await CampaignRunner(
                journal: SQLiteDispatchJournal(database: store, campaignID: campaign.id),
                calls: VaaniCallService(client: client), agentID: campaign.agentID,
                configuration: configuration, clock: ContinuousClock()
            ).run()
        }
    }

    static func callsPerNumber(_ simulator: RunningSimulator) async throws -> [String: Int] {
        Dictionary(grouping: try await simulator.ledger(), by: \.contactNumber).mapValues(\.count)
    }

    @Test("a disk that fills during a run: a clear error, an intact database, and a resume reaches everyone once")
    func fullDuringRun() async throws {
        try await withSimulator(Self.simulator) { simulator in
            try await SafetyDirectory.with { directory in
                let path = directory.path("full.sqlite")
                let numbers = Self.numbers(60)
                let before: [String]
                do {
                    let store = try CampaignDatabase.open(at: path)
                    try Self.insert(numbers, into: store, campaign: "full")
                    before = try Self.snapshot(store, "full")
                }
                do {
                    let capped = try Self.cappedDatabase(at: path, extraPages: 1)
                    let failure = await #expect(throws: DatabaseError.self) {
                        _ = try await Self.run(capped, campaign: "full", on: simulator)
                    }
                    let error = try #require(failure)
                    let translated = try #require(CampaignStoreError.translating(error, path: path))
                    #expect(translated.code == .storageFull)
                    #expect(
                        translated.message
                            == "database \(path) is full (the disk, or the database's size limit, has no room left; "
                            + "SQLite error 13: database or disk is full). Everything saved before this write is intact; "
                            + "free some space, then run the same command again."
                    )
                }
                #expect(try Self.integrity(path) == "ok")
                let store = try CampaignDatabase.open(at: path)
                let afterFault = try Self.snapshot(store, "full")
                #expect(afterFault.count == before.count)
                #expect(afterFault.map { $0.split(separator: "|").prefix(3) } == before.map { $0.split(separator: "|").prefix(3) })

                #expect(try await Self.run(store, campaign: "full", on: simulator) == .completed)
                #expect(try await Self.callsPerNumber(simulator) == Dictionary(uniqueKeysWithValues: numbers.map { ($0, 1) }))
                let campaign = try #require(try store.campaign(named: "full"))
                #expect(try store.contactCounts(ofCampaign: campaign.id) == [.completed: numbers.count])
            }
        }
    }

    @Test("a disk that fills during an import: a clear error, the rows before it kept, importing again completes it")
    func fullDuringImport() async throws {
        try await SafetyDirectory.with { directory in
            let numbers = Self.numbers(3000)
            let csv = try directory.write(
                "big.csv", "name,phone,plan\n" + numbers.enumerated().map { "Person \($0.offset),\($0.element),gold\n" }.joined()
            )
            let path = directory.path("import.sqlite")
            _ = try CampaignDatabase.open(at: path)
            let options = ContactImportOptions(campaign: "big", agentID: "demo-agent", batchSize: 500)
            do {
                let capped = try Self.cappedDatabase(at: path, extraPages: 40)
                let failure = await #expect(throws: (any Error).self) {
                    _ = try await ContactImporter(store: capped).importContacts(from: csv, options: options)
                }
                let error = try #require(failure)
                let translated = try #require(CampaignStoreError.translating(error, path: path))
                #expect(translated.code == .storageFull)
                #expect(translated.message.hasPrefix("database \(path) is full (the disk, or the database's size limit"))
            }
            #expect(try Self.integrity(path) == "ok")
            let store = try CampaignDatabase.open(at: path)
            let partial = try Self.snapshot(store, "big")
            #expect(partial.count < numbers.count)
            // What was kept is exactly the first rows of the file, unchanged.
            #expect(partial == numbers.prefix(partial.count).enumerated().map { "\($0.offset + 2)|Person \($0.offset)|\($0.element)|pending|0" })

            let summary = try await ContactImporter(store: store).importContacts(from: csv, options: options)
            #expect(summary.counts.imported == numbers.count - partial.count)
            let complete = try Self.snapshot(store, "big")
            #expect(complete == numbers.enumerated().map { "\($0.offset + 2)|Person \($0.offset)|\($0.element)|pending|0" })
        }
    }

    /// `status`, `list`, `plan` and `export` of campaign "ro" succeed on the database at `path`.
    private static func expectReadingWorks(path: String, contacts: Int, in directory: SafetyDirectory) async throws {
        let status = try await DialerProcess.run(["status", "ro", "--db", path], in: directory.url)
        #expect(status.status == 0, "\(status.allOutput)")
        #expect(status.standardOutput.contains("Contacts   \(contacts): 0 finished, \(contacts) left"), "\(status.standardOutput)")
        let list = try await DialerProcess.run(["list", "--db", path], in: directory.url)
        #expect(list.status == 0 && list.standardOutput.contains("ro"), "\(list.allOutput)")
        let plan = try await DialerProcess.run(["plan", "ro", "--db", path], in: directory.url)
        #expect(plan.status == 0 && plan.standardOutput.contains("dial now: \(contacts)"), "\(plan.allOutput)")
        let report = directory.path("ro-report.csv")
        let export = try await DialerProcess.run(
            ["export", "ro", "--format", "csv", "--output", report, "--db", path], in: directory.url
        )
        #expect(export.status == 0, "\(export.allOutput)")
        let lines = try String(contentsOfFile: report, encoding: .utf8).split(whereSeparator: \.isNewline)
        #expect(lines.count == contacts + 1)
        try FileManager.default.removeItem(atPath: report)
    }

    @Test("a read-only database file or directory is refused by name, before anything is written; reading commands still work")
    func readOnly() async throws {
        try await SafetyDirectory.with { directory in
            try FileManager.default.createDirectory(atPath: directory.path("locked-dir"), withIntermediateDirectories: false)
            let path = directory.path("locked-dir/ro.sqlite")
            let store = try CampaignDatabase.open(at: path)
            try Self.insert(Self.numbers(5), into: store, campaign: "ro")
            let before = try Self.snapshot(store, "ro")
            try directory.write("more.csv", "name,phone\nNew Person,+919810999999\n")

            chmod(path, 0o444)
            let importFile = try await DialerProcess.run(
                ["import", "more.csv", "--campaign", "ro", "--agent", "demo-agent", "--db", path], in: directory.url
            )
            #expect(importFile.status == 1)
            #expect(
                importFile.standardError
                    == "Error: cannot write to \(path): the database file is read-only (mode 444). Make it writable by "
                    + "you (chmod u+w), or point --db elsewhere.\n"
            )
            let run = try await DialerProcess.run(
                ["run", "ro", "--db", path, "--base-url", "http://127.0.0.1:9"], in: directory.url,
                environment: ["VAANI_API_KEY": "vaani_0123456789abcdef0123456789abcdef"]
            )
            #expect(run.status == 1)
            #expect(run.standardError.hasPrefix("error: cannot write to \(path): the database file is read-only (mode 444)."))
            // Commands that only read still work on the read-only file, and change nothing.
            try await Self.expectReadingWorks(path: path, contacts: 5, in: directory)

            chmod(path, 0o600)
            chmod(directory.path("locked-dir"), 0o555)
            let inReadOnlyDirectory = try await DialerProcess.run(
                ["import", "more.csv", "--campaign", "ro", "--agent", "demo-agent", "--db", path], in: directory.url
            )
            #expect(inReadOnlyDirectory.status == 1)
            #expect(
                inReadOnlyDirectory.standardError.hasPrefix(
                    "Error: cannot write to \(directory.path("locked-dir")): the directory of \(path) is read-only (mode 555)"
                )
            )
            try await Self.expectReadingWorks(path: path, contacts: 5, in: directory)
            let newFile = directory.path("locked-dir/new.sqlite")
            let creating = try await DialerProcess.run(
                ["import", "more.csv", "--campaign", "ro", "--agent", "demo-agent", "--db", newFile], in: directory.url
            )
            #expect(creating.standardError.hasPrefix("Error: cannot write to \(directory.path("locked-dir")): cannot create \(newFile) in a read-only directory (mode 555)"))
            #expect(!FileManager.default.fileExists(atPath: newFile))

            chmod(directory.path("locked-dir"), 0o700)
            let reopened = try CampaignDatabase.open(at: path)
            #expect(try Self.snapshot(reopened, "ro") == before)
        }
    }

    @Test("a write lock held by another connection: import and run wait a bounded time, then say the file is locked")
    func locked() async throws {
        try await SafetyDirectory.with { directory in
            let path = directory.path("locked.sqlite")
            let before: [String]
            do {
                let store = try CampaignDatabase.open(at: path)
                try Self.insert(Self.numbers(5), into: store, campaign: "locked")
                before = try Self.snapshot(store, "locked")
            }
            try directory.write("more.csv", "name,phone\nNew Person,+919810999999\n")
            var configuration = Configuration()
            configuration.allowsUnsafeTransactions = true
            let holder = try DatabaseQueue(path: path, configuration: configuration)
            try await holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }

            // An import and a run at once, both waiting on the same lock.
            let started = ContinuousClock.now
            async let blockedRun = DialerProcess.run(
                ["run", "locked", "--db", path, "--base-url", "http://127.0.0.2:9"], in: directory.url,
                environment: ["VAANI_API_KEY": "vaani_0123456789abcdef0123456789abcdef"]
            )
            let blocked = try await DialerProcess.run(
                ["import", "more.csv", "--campaign", "locked", "--agent", "demo-agent", "--db", path], in: directory.url
            )
            let run = try await blockedRun
            let waited = ContinuousClock.now - started
            #expect(run.status == 1)
            #expect(
                run.standardError == "error: database \(path) is locked: another process has held a write transaction for "
                    + "longer than 10 s (SQLite error 5: database is locked). Let it finish or stop it, then run again.\n",
                "\(run.allOutput)"
            )
            #expect(blocked.status == 1)
            #expect(
                blocked.standardError.contains(
                    "database \(path) is locked: another process has held a write transaction for longer than 10 s "
                        + "(SQLite error 5: database is locked). Let it finish or stop it, then run again.\n"
                ),
                "\(blocked.standardError)"
            )
            #expect(waited >= .seconds(9) && waited < .seconds(40))

            try await holder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
            let store = try CampaignDatabase.open(at: path)
            #expect(try Self.snapshot(store, "locked") == before)
            let retried = try await DialerProcess.run(
                ["import", "more.csv", "--campaign", "locked", "--agent", "demo-agent", "--db", path], in: directory.url
            )
            #expect(retried.status == 0, "\(retried.allOutput)")
            #expect(try Self.snapshot(store, "locked") == before + ["2|New Person|+919810999999|pending|0"])
        }
    }

    @Test("a second run is refused naming the running process; the lease of a killed process is taken over")
    func secondRunner() async throws {
        try await withSimulator(Self.simulator) { simulator in
            try await SafetyDirectory.with { directory in
                let path = directory.path("lease.sqlite")
                let numbers = Self.numbers(10)
                let store = try CampaignDatabase.open(at: path)
                try Self.insert(numbers, into: store, campaign: "leased")
                let campaign = try #require(try store.campaign(named: "leased"))
                let before = try Self.snapshot(store, "leased")

                // Another live process on this host holds the lease.
                let holder = Process()
                holder.executableURL = URL(fileURLWithPath: "/bin/sleep")
                holder.arguments = ["120"]
                try holder.run()
                let host = ProcessInfo.processInfo.hostName
                let owner = LeaseOwner(id: "\(host):\(holder.processIdentifier)", pid: holder.processIdentifier, host: host)
                _ = try store.acquireLease(ofCampaign: campaign.id, owner: owner, duration: 600)
                let arguments = [
                    "run", "leased", "--db", path, "--base-url", simulator.baseURL.absoluteString, "--request-timeout", "5s",
                    "--poll-interval", "50ms", "--calling-hours", "none",
                ]
                let environment = ["VAANI_API_KEY": simulator.apiKey]
                let refused = try await DialerProcess.run(arguments, in: directory.url, environment: environment)
                #expect(refused.status == 5)
                #expect(
                    refused.standardOutput.contains(
                        "Campaign leased is already being run by process \(holder.processIdentifier) on \(host). "
                    ),
                    "\(refused.allOutput)"
                )
                #expect(try await simulator.ledger().isEmpty)
                #expect(try Self.snapshot(store, "leased") == before)

                // The holder is killed without releasing its lease: the next run takes over.
                #expect(kill(holder.processIdentifier, SIGKILL) == 0)
                while holder.isRunning { try await Task.sleep(for: .milliseconds(10)) }
                let takenOver = try await DialerProcess.run(arguments, in: directory.url, environment: environment)
                #expect(takenOver.status == 0, "\(takenOver.allOutput)")
                #expect(try await Self.callsPerNumber(simulator) == Dictionary(uniqueKeysWithValues: numbers.map { ($0, 1) }))
                #expect(try store.contactCounts(ofCampaign: campaign.id) == [.completed: numbers.count])
                #expect(try store.campaign(named: "leased")?.lease == nil)
            }
        }
    }
}
