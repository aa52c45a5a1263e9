@testable import SQLiteStore
import APIAccess
import CampaignStore
import SimulatorHarness
import Foundation
import Testing
import VaaniSimulator

@testable import VaaniDialerCLI

/// The API key and customers' numbers, through the real `vaani-dialer` process: import → run against
/// the simulator with trace logging → export in every format; then every byte the dialer printed or
/// wrote is searched.
@Suite("API key, transport and personal data")
struct KeyAndPersonalDataTests {
    /// A key nobody would type by accident, so any occurrence is a leak.
    static let key = "vaani_5ec2e75ec2e75ec2e75ec2e75ec2e7ab"
    static let numbers = (1...12).map { "+919810004" + String(format: "%03d", $0) }

    /// A simulator that accepts only ``key`` and answers quickly, with faults so that error paths log too.
    static func simulator(faulty: Bool = true) -> SimulatorConfiguration {
        SimulatorConfiguration(
            apiKeys: [key], seed: 5, speed: 2000, answerRate: 0.6, noAnswerRate: 0.2, busyRate: 0.2, failRate: 0,
            voicemailRate: 0, ambiguousRate: faulty ? 0.15 : 0, dropRate: faulty ? 0.1 : 0, hangDuration: .seconds(2)
        )
    }

    static func contactsCSV(_ numbers: [String]) -> String {
        var text = "name,phone,city\n"
        for (index, number) in numbers.enumerated() { text += "Person \(index),\(number),Pune\n" }
        return text + "Not A Number,12345,Pune\n"
    }

    static func runArguments(_ simulator: RunningSimulator, database: String) -> [String] {
        [
            "run", "safety", "--db", database, "--base-url", simulator.baseURL.absoluteString,
            "--request-timeout", "5s", "--poll-interval", "100ms", "--retry-delay", "no_answer=never",
            "--retry-delay", "busy=never", "--calling-hours", "none",
        ]
    }

    @Test("the key is in no output, log, database, rejects file or report; files are owner-only; logs mask numbers")
    func keyNeverLeaks() async throws {
        try await withSimulator(Self.simulator()) { simulator in
            try await SafetyDirectory.with { directory in
                let database = "data/private/dialer.sqlite"
                try directory.write("contacts.csv", Self.contactsCSV(Self.numbers))
                let keyFile = try directory.write("key.txt", Self.key + "\n", mode: 0o644)
                let withKey = ["VAANI_API_KEY": Self.key]

                let imported = try await DialerProcess.run(
                    ["import", "contacts.csv", "--campaign", "safety", "--agent", "demo-agent", "--db", database],
                    in: directory.url, environment: withKey
                )
                #expect(imported.status == 0, "\(imported.allOutput)")

                let run = try await DialerProcess.run(
                    Self.runArguments(simulator, database: database) + ["--api-key-file", keyFile, "--log-level", "trace"],
                    in: directory.url
                )
                #expect(run.status == 0, "\(run.allOutput)")
                #expect(
                    run.standardError.contains(
                        "warning: API key file \(keyFile) is readable by group/others (mode 644); restrict it with: chmod 600 \(keyFile)"
                    )
                )
                // Trace logging saw every number, masked: country code and last four digits only.
                for number in Self.numbers {
                    #expect(!run.allOutput.contains(number), "full number \(number) in the run's output")
                    #expect(run.standardError.contains("+91******" + number.suffix(4)), "no masked \(number) in the log")
                }

                let resumed = try await DialerProcess.run(
                    ["resume", "safety", "--db", database, "--base-url", simulator.baseURL.absoluteString, "--log-level", "trace"],
                    in: directory.url, environment: withKey
                )
                #expect(resumed.status == 0, "\(resumed.allOutput)")

                var outputs = [imported, run, resumed]
                for format in ["csv", "json", "html"] {
                    let export = try await DialerProcess.run(
                        ["export", "safety", "--format", format, "--output", "report.\(format)", "--db", database],
                        in: directory.url, environment: withKey
                    )
                    #expect(export.status == 0, "\(export.allOutput)")
                    outputs.append(export)
                    #expect(try directory.mode("report.\(format)") == 0o600)
                }

                // Everyone was reached exactly once, and every contact ended final.
                let ledger = try await simulator.ledger()
                #expect(Dictionary(grouping: ledger, by: \.contactNumber).mapValues(\.count) == Dictionary(
                    uniqueKeysWithValues: Self.numbers.map { ($0, 1) }
                ))

                // Owner-only: the directories the dialer created, the database and its journal files
                // (present while a connection is open), and the rejects file.
                #expect(try directory.mode("data") == 0o700)
                #expect(try directory.mode("data/private") == 0o700)
                #expect(try directory.mode(database) == 0o600)
                #expect(try directory.mode("data/private/safety-rejects.csv") == 0o600)
                let store = try CampaignDatabase.open(at: directory.path(database))
                let campaign = try #require(try store.campaign(named: "safety"))
                let contacts = try store.contacts(ofCampaign: campaign.id)
                #expect(contacts.map(\.phoneE164).sorted() == Self.numbers)
                #expect(contacts.allSatisfy { $0.status.isFinal && $0.attempts == 1 })
                #expect(try directory.mode(database + "-wal") == 0o600)
                #expect(try directory.mode(database + "-shm") == 0o600)

                // The key: nowhere in what the dialer printed, nor in any file but the key file itself.
                let keyBytes = Data(Self.key.utf8)
                let secret = Data(Self.key.dropFirst("vaani_".count).utf8)
                for output in outputs {
                    #expect(!output.allOutput.contains(Self.key.dropFirst("vaani_".count)))
                }
                let files = try directory.allFiles().filter { $0.path != keyFile }
                #expect(files.contains { $0.path.hasSuffix("dialer.sqlite-wal") })
                #expect(files.count >= 7, "\(files.map(\.path))")
                for file in files {
                    #expect(file.bytes.range(of: keyBytes) == nil, "API key in \(file.path)")
                    #expect(file.bytes.range(of: secret) == nil, "API key in \(file.path)")
                }
            }
        }
    }

    @Test("--log-full-numbers shows whole numbers, which are masked by default")
    func fullNumbersOnlyWhenAsked() async throws {
        try await withSimulator(Self.simulator(faulty: false)) { simulator in
            try await SafetyDirectory.with { directory in
                let numbers = Array(Self.numbers.prefix(3))
                try directory.write("contacts.csv", Self.contactsCSV(numbers))
                let imported = try await DialerProcess.run(
                    ["import", "contacts.csv", "--campaign", "safety", "--agent", "demo-agent", "--db", "dialer.sqlite"],
                    in: directory.url
                )
                #expect(imported.status == 0, "\(imported.allOutput)")
                let run = try await DialerProcess.run(
                    Self.runArguments(simulator, database: "dialer.sqlite") + ["--log-level", "debug", "--log-full-numbers"],
                    in: directory.url, environment: ["VAANI_API_KEY": Self.key]
                )
                #expect(run.status == 0, "\(run.allOutput)")
                for number in numbers {
                    #expect(run.standardError.contains("contact.number=\(number)"))
                }
                #expect(!run.allOutput.contains(Self.key.dropFirst(6)))
            }
        }
    }

    @Test("a refused key stops the run (exit 4) without echoing it; nobody is called and no contact changes")
    func refusedKey() async throws {
        try await withSimulator(Self.simulator(faulty: false)) { simulator in
            try await SafetyDirectory.with { directory in
                try directory.write("contacts.csv", Self.contactsCSV(Self.numbers))
                _ = try await DialerProcess.run(
                    ["import", "contacts.csv", "--campaign", "safety", "--agent", "demo-agent", "--db", "dialer.sqlite"],
                    in: directory.url
                )
                let store = try CampaignDatabase.open(at: directory.path("dialer.sqlite"))
                let before = try StoreFaultTests.snapshot(store, "safety")
                let wrongKey = "vaani_badbadbadbadbadbadbadbadbadbad0"
                let refused = try await DialerProcess.run(
                    Self.runArguments(simulator, database: "dialer.sqlite") + ["--log-level", "trace", "--request-timeout", "10s"],
                    in: directory.url, environment: ["VAANI_API_KEY": wrongKey]
                )
                #expect(refused.status == 4, "\(refused.allOutput)")
                #expect(refused.standardOutput.contains("Fix VAANI_API_KEY, then run: vaani-dialer resume safety"))
                #expect(!refused.allOutput.contains("badbadbadbad"))
                #expect(try await simulator.ledger().isEmpty)
                let after = try StoreFaultTests.snapshot(store, "safety")
                #expect(after.map { $0.split(separator: "|").prefix(3) } == before.map { $0.split(separator: "|").prefix(3) })
                // Nothing is final: a 401 puts the contact back as pending. (Only a trigger whose answer was
                // lost to a timeout on a loaded machine stays `unknown`, for `resume` to reconcile.)
                #expect(after.allSatisfy { $0.hasSuffix("|pending|0") || $0.hasSuffix("|unknown|1") }, "\(after)")
                #expect(after.contains { $0.hasSuffix("|pending|0") }, "\(after)")
                let files = try directory.allFiles()
                #expect(files.allSatisfy { $0.bytes.range(of: Data("badbadbadbad".utf8)) == nil })
            }
        }
    }

    @Test("plain http:// to another host is refused before anything is sent, unless --allow-insecure")
    func insecureBaseURL() async throws {
        try await withSimulator(Self.simulator(faulty: false)) { simulator in
            try await SafetyDirectory.with { directory in
                try directory.write("contacts.csv", Self.contactsCSV(Self.numbers))
                _ = try await DialerProcess.run(
                    ["import", "contacts.csv", "--campaign", "safety", "--agent", "demo-agent", "--db", "dialer.sqlite"],
                    in: directory.url
                )
                let refused = try await DialerProcess.run(
                    ["run", "safety", "--db", "dialer.sqlite", "--base-url", "http://api.example.com"],
                    in: directory.url, environment: ["VAANI_API_KEY": Self.key]
                )
                #expect(refused.status == 64)
                #expect(
                    refused.standardError.contains(
                        "Error: --base-url http://api.example.com: refusing to send the API key and contacts' numbers "
                            + "unencrypted to api.example.com over plain http://. Use https://, or pass --allow-insecure "
                            + "if this network is trusted."
                    ),
                    "\(refused.standardError)"
                )
                let fromEnvironment = try await DialerProcess.run(
                    ["run", "safety", "--db", "dialer.sqlite"],
                    in: directory.url, environment: ["VAANI_API_KEY": Self.key, "VAANI_BASE_URL": "http://10.20.30.40:8080"]
                )
                #expect(fromEnvironment.status == 64)
                #expect(fromEnvironment.standardError.contains("Error: VAANI_BASE_URL http://10.20.30.40:8080: refusing"))
                #expect(!(refused.allOutput + fromEnvironment.allOutput).contains(Self.key.dropFirst(6)))

                // Nothing was dialed and no contact changed.
                #expect(try await simulator.ledger().isEmpty)
                let store = try CampaignDatabase.open(at: directory.path("dialer.sqlite"))
                let campaign = try #require(try store.campaign(named: "safety"))
                let contacts = try store.contacts(ofCampaign: campaign.id)
                #expect(contacts.count == Self.numbers.count)
                #expect(contacts.allSatisfy { $0.status == .pending && $0.attempts == 0 })
            }
        }
        #expect(try BaseURLPolicy.check("http://api.example.com", origin: "--base-url", allowInsecure: true).host == "api.example.com")
        for loopback in ["http://127.0.0.1:8001", "http://localhost:9", "http://[::1]:80", "http://127.1.2.3"] {
            #expect(throws: Never.self) { try BaseURLPolicy.check(loopback, origin: "--base-url", allowInsecure: false) }
        }
        #expect(throws: (any Error).self) { try BaseURLPolicy.check("http://127.0.0.1.evil.com", origin: "x", allowInsecure: false) }
        #expect(throws: (any Error).self) { try BaseURLPolicy.check("ftp://api.vaanivoice.ai", origin: "x", allowInsecure: true) }
    }
}
