import CampaignStore
import SQLiteStore
import ContactImport
import SimulatorHarness
import Foundation
import Testing
import VaaniSimulator

#if canImport(Glibc)
import Glibc
#endif

/// The user's whole journey through the real `vaani-dialer` executable, killed with SIGKILL midway:
/// import → run → kill -9 → resume → export, with the exported CSV checked row by row against the
/// simulator's ledger of every call it placed.
@Suite("import, run, kill, resume, export")
struct KillAndResumeTests {
    @Test("a run killed with SIGKILL resumes without losing or redialing anyone; the CSV matches the ledger")
    func killAndResume() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kill-resume-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        // 150 contacts, one of them on the carrier's Do-Not-Disturb list, with a template variable each.
        let numbers = (0..<150).map { "+9198765\(String(format: "%05d", 10_000 + $0))" }
        var csv = "name,phone,plan\n"
        for (index, number) in numbers.enumerated() {
            csv += "Contact \(index),\(number.dropFirst(3)),plan-\(index % 3)\n"
        }
        try csv.write(to: directory.appendingPathComponent("contacts.csv"), atomically: true, encoding: .utf8)
        let database = directory.appendingPathComponent("dialer.sqlite").path

        var configuration = SimulatorConfiguration(seed: 11, speed: 600, rateLimit: 60, burst: 20, dndNumbers: [numbers[7]])
        // Faults that leave attempts ambiguous, so the resumed run must reconcile them against the history.
        configuration.ambiguousRate = 0.04
        configuration.dropRate = 0.02
        configuration.errorRate = 0.04
        try await withSimulator(configuration) { simulator in
            let environment = ["VAANI_API_KEY": simulator.apiKey, "VAANI_BASE_URL": simulator.baseURL.absoluteString]
            let imported = try await DialerProcess.run(
                ["import", "contacts.csv", "--campaign", "journey", "--agent", SimulatorConfiguration.demoAgentID,
                 "--region", "IN", "--db", database],
                in: directory, environment: environment, timeout: .seconds(60)
            )
            #expect(imported.status == 0, "\(imported.allOutput)")

            let runArguments = [
                "--db", database, "--rate", "0", "--concurrency", "6", "--max-attempts", "2",
                "--retry-delay", "no_answer=1s", "--retry-delay", "busy=1s", "--retry-delay", "failed=never",
                "--retry-delay", "voicemail=never", "--calling-hours", "none", "--poll-interval", "300ms",
                "--request-timeout", "5s",
            ]
            let first = try DialerProcess.start(["run", "journey"] + runArguments, in: directory, environment: environment)
            // Kill it mid-flight: once a third of the list has been placed, with requests in the air.
            let deadline = ContinuousClock.now + .seconds(90)
            while try await simulator.ledger().count < 50, first.process.isRunning, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(first.process.isRunning, "the first run ended before it could be killed")
            kill(first.process.processIdentifier, SIGKILL)
            _ = try await first.finish()
            #expect(first.process.terminationReason == .uncaughtSignal)
            let placedBeforeKill = try await simulator.ledger().count

            let resumed = try await DialerProcess.run(
                ["resume", "journey"] + runArguments, in: directory, environment: environment, timeout: .seconds(240)
            )
            #expect(resumed.status == 0, "\(resumed.allOutput)")

            let exported = try await DialerProcess.run(
                ["export", "journey", "--format", "csv", "--output", "journey.csv", "--db", database],
                in: directory, timeout: .seconds(60)
            )
            #expect(exported.status == 0, "\(exported.allOutput)")

            let ledger = try await simulator.ledger()
            #expect(ledger.count >= placedBeforeKill)
            try Self.checkRowByRow(
                csv: directory.appendingPathComponent("journey.csv").path, ledger: ledger, numbers: numbers,
                dnd: numbers[7]
            )
        }
    }

    @Test("SIGTERM stops a run gracefully: in-flight requests finish, exit 130, the lease is free, resume completes")
    func terminateAndResume() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("terminate-resume-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let numbers = (0..<120).map { "+9198765\(String(format: "%05d", 20_000 + $0))" }
        let csv = "name,phone\n" + numbers.enumerated().map { "Contact \($0.offset),\($0.element)\n" }.joined()
        try csv.write(to: directory.appendingPathComponent("contacts.csv"), atomically: true, encoding: .utf8)
        let database = directory.appendingPathComponent("dialer.sqlite").path

        let configuration = SimulatorConfiguration(
            seed: 4, speed: 600, answerRate: 1, noAnswerRate: 0, busyRate: 0, failRate: 0, voicemailRate: 0)
        try await withSimulator(configuration) { simulator in
            let environment = ["VAANI_API_KEY": simulator.apiKey, "VAANI_BASE_URL": simulator.baseURL.absoluteString]
            let imported = try await DialerProcess.run(
                ["import", "contacts.csv", "--campaign", "gentle", "--agent", SimulatorConfiguration.demoAgentID,
                 "--db", database],
                in: directory, environment: environment, timeout: .seconds(60)
            )
            #expect(imported.status == 0, "\(imported.allOutput)")
            let runArguments = [
                "--db", database, "--rate", "15", "--concurrency", "4", "--calling-hours", "none",
                "--poll-interval", "200ms", "--request-timeout", "5s",
            ]
            let first = try DialerProcess.start(["run", "gentle"] + runArguments, in: directory, environment: environment)
            let deadline = ContinuousClock.now + .seconds(90)
            while try await simulator.ledger().count < 20, first.process.isRunning, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(first.process.isRunning, "the run ended before it could be stopped")
            kill(first.process.processIdentifier, SIGTERM)
            let stopped = try await first.finish()
            #expect(stopped.status == 130, "\(stopped.allOutput)")
            #expect(stopped.allOutput.contains("Stopping: no new calls"))
            #expect(stopped.allOutput.contains("vaani-dialer resume gentle"))
            let store = try CampaignDatabase.open(at: database)
            let campaign = try #require(try store.campaign(named: "gentle"))
            #expect(campaign.lease == nil, "a graceful stop gives the lease back")
            #expect(campaign.status == .ready)
            let counts = try store.contactCounts(ofCampaign: campaign.id)
            #expect(counts[.dialing] == nil && counts[.unknown] == nil, "in-flight requests were finished: \(counts)")

            let resumed = try await DialerProcess.run(
                ["resume", "gentle"] + runArguments, in: directory, environment: environment, timeout: .seconds(120)
            )
            #expect(resumed.status == 0, "\(resumed.allOutput)")
            let ledger = try await simulator.ledger()
            #expect(ledger.count == numbers.count)
            #expect(Set(ledger.map(\.contactNumber)) == Set(numbers))
        }
    }

    /// Every contact appears once and is final; its attempts are the calls the ledger holds for its number
    /// (the DND contact's refused attempt placed nothing); its call id is the ledger's last call to it; no
    /// idempotency key was placed twice; nobody outside the list was called.
    static func checkRowByRow(csv path: String, ledger: [LedgerEntry], numbers: [String], dnd: String) throws {
        let reader = try CSVReader(path: path)
        var record = CSVRecord()
        #expect(try reader.next(into: &record))
        let header = (0..<record.count).map { record[$0] }
        #expect(Array(header.prefix(11)) == [
            "row", "name", "contact_number", "status", "attempts", "call_id", "call_status", "duration_s",
            "disposition", "summary", "error",
        ])
        #expect(header.last == "plan")
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        func field(_ name: String) -> String { column[name].map { record[$0] } ?? "" }

        let callsByNumber = Dictionary(grouping: ledger, by: \.contactNumber)
        let keys = ledger.compactMap(\.idempotencyKey)
        #expect(Set(keys).count == keys.count, "an idempotency key was placed twice")
        #expect(Set(callsByNumber.keys).isSubset(of: Set(numbers)), "a number outside the list was called")

        var seen = Set<String>()
        let finalStatuses: Set = ["completed", "no_answer", "busy", "failed", "voicemail", "dnd", "unresolved"]
        while try reader.next(into: &record) {
            let number = field("contact_number")
            #expect(seen.insert(number).inserted, "\(number) appears twice")
            let status = field("status")
            #expect(finalStatuses.contains(status), "\(number) ended \(status)")
            let calls = callsByNumber[number] ?? []
            let attempts = Int(field("attempts")) ?? -1
            if number == dnd {
                #expect(status == "dnd")
                #expect(calls.isEmpty)
                #expect(attempts == 1)
                continue
            }
            #expect(attempts == calls.count, "\(number): \(attempts) attempts in the CSV, \(calls.count) calls placed")
            #expect(field("call_id") == calls.last?.callID, "\(number): CSV call \(field("call_id")), ledger \(calls.map(\.callID))")
            #expect(calls.count <= 2, "\(number) was called \(calls.count) times")
            #expect(field("name") == calls.last?.name)
            let row = Int(field("row")) ?? 0
            #expect(field("plan") == "plan-\((row - 2) % 3)")
        }
        #expect(seen == Set(numbers), "contacts missing from the export: \(Set(numbers).subtracting(seen).sorted())")
    }
}
