import CampaignStore
import Foundation
import SimulatorHarness
import Testing
import VaaniAPI
import VaaniSimulator

/// `vaani-dialer call NUMBER`: one test call followed live to each outcome, and refused before
/// anything is sent when the number is invalid or on a do-not-call list.
@Suite("vaani-dialer call")
struct CallCommandTests {
    /// A simulator whose every call ends in `outcome`, at 30× speed (an answered call talks for at
    /// least a second, long enough to be seen in progress on a loaded machine).
    static func simulator(only outcome: String) -> SimulatorConfiguration {
        SimulatorConfiguration(
            seed: 5, speed: 30,
            answerRate: outcome == "completed" ? 1 : 0, noAnswerRate: outcome == "no_answer" ? 1 : 0,
            busyRate: outcome == "busy" ? 1 : 0, failRate: outcome == "failed" ? 1 : 0,
            voicemailRate: outcome == "voicemail" ? 1 : 0
        )
    }

    @Test("a test call is followed to its outcome", arguments: ["completed", "no_answer", "busy", "failed", "voicemail"])
    func followedToOutcome(_ outcome: String) async throws {
        try await APIBench.with(Self.simulator(only: outcome)) { bench in
            let result = try await bench.dialer(
                ["call", "98765 43210", "--region", "IN", "--agent", "demo-agent", "--name", "Asha",
                 "--var", "due_amount=1200", "--poll-interval", "20ms"],
                timeout: .seconds(60)
            )
            #expect(result.status == 0, "\(result.allOutput)")
            let ledger = try await bench.simulator.ledger()
            try #require(ledger.count == 1)
            #expect(ledger[0].contactNumber == "+919876543210")
            #expect(ledger[0].name == "Asha")
            let callID = ledger[0].callID
            let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.first == "Calling +91******3210 with agent demo-agent: call \(callID)")
            let statuses = lines.dropFirst().prefix { $0.hasPrefix("  ") }.map { $0.trimmingCharacters(in: .whitespaces) }
            let words = outcome.replacingOccurrences(of: "_", with: " ")
            #expect(statuses.last == words, "\(statuses)")
            #expect(Set(statuses).count == statuses.count, "a status was printed twice: \(statuses)")
            let order = ["queued", "ringing", "in progress", words]
            #expect(statuses.map { order.firstIndex(of: $0) ?? -1 } == statuses.map { order.firstIndex(of: $0) ?? -1 }.sorted())
            #expect(result.standardOutput.contains("call        \(callID)"))
            #expect(result.standardOutput.contains("status      \(words)"))
            #expect(result.standardOutput.contains("contact     Asha +91******3210"))
            #expect(!result.allOutput.contains("9876543210"))
            if outcome == "completed" || outcome == "voicemail" {
                #expect(result.standardOutput.contains("\nsummary     "))
                #expect(result.standardOutput.contains("\ncost        "))
                #expect(result.standardOutput.contains("\ntranscript\n  agent: "))
                #expect(result.standardOutput.contains("variables   due_amount=1200"))
            }
            if outcome == "completed" {
                #expect(statuses.contains("in progress"), "\(statuses)")
                #expect(result.standardOutput.contains("\nentities    "))
                #expect(result.standardOutput.contains("\ndisposition "))
            }
        }
    }

    @Test("--no-follow returns after placing; --full-numbers shows the number")
    func noFollow() async throws {
        try await APIBench.with(Self.simulator(only: "completed")) { bench in
            let result = try await bench.dialer(["call", "+919876543210", "--agent", "demo-agent", "--no-follow", "--full-numbers"])
            #expect(result.status == 0, "\(result.allOutput)")
            let callID = try await bench.simulator.ledger().first?.callID ?? "?"
            #expect(result.standardOutput == """
                Calling +919876543210 with agent demo-agent: call \(callID)
                Follow it with: vaani-dialer calls show \(callID)

                """)
        }
    }

    @Test("--test-mode: the API simulates the call and places nothing")
    func testMode() async throws {
        try await APIBench.with { bench in
            let result = try await bench.dialer(["call", "+919876543210", "--agent", "demo-agent", "--test-mode"])
            #expect(result.status == 0, "\(result.allOutput)")
            #expect(result.standardOutput.hasPrefix("No call was placed to +91******3210: Test mode: call to +91******3210 simulated"))
            #expect(try await bench.simulator.ledger().isEmpty)
        }
    }

    @Test("an invalid number is a usage error and nothing is sent")
    func invalidNumber() async throws {
        try await APIBench.with { bench in
            let result = try await bench.dialer(["call", "12345", "--region", "IN", "--agent", "demo-agent"])
            #expect(result.status == 64, "\(result.allOutput)")
            #expect(result.standardError.contains("12345: not a valid phone number"))
            #expect(try await bench.simulator.ledger().isEmpty)
        }
    }

    @Test("a number on the do-not-call list (file or database) is refused, exit 1, nothing sent")
    func doNotCall() async throws {
        try await APIBench.with { bench in
            let dnc = try bench.directory.write("dnc.txt", "number\n098765 43210\n")
            let fromFile = try await bench.dialer(["call", "+919876543210", "--agent", "demo-agent", "--dnc", dnc, "--region", "IN"])
            #expect(fromFile.status == 1, "\(fromFile.allOutput)")
            #expect(fromFile.standardError.contains("+91******3210 is listed in the do-not-call file \(dnc); not called"))

            // An import with --dnc puts the number on the database's list; `call` honours it.
            try bench.directory.write("contacts.csv", "name,phone\nRavi,+919812345678\n")
            let imported = try await bench.dialer(
                ["import", "contacts.csv", "--campaign", "c", "--agent", "demo-agent", "--dnc", dnc, "--region", "IN"]
            )
            #expect(imported.status == 0, "\(imported.allOutput)")
            let fromDatabase = try await bench.dialer(["call", "9876543210", "--region", "IN", "--agent", "demo-agent"])
            #expect(fromDatabase.status == 1, "\(fromDatabase.allOutput)")
            #expect(fromDatabase.standardError.contains("is on the do-not-call list (do-not-call list, from \(dnc))"))
            #expect(try await bench.simulator.ledger().isEmpty)
        }
    }

    @Test("an empty wallet exits 3, a refused key 4, an unknown agent 1 — as for run")
    func exitCodes() async throws {
        try await APIBench.with(SimulatorConfiguration(balance: 0)) { bench in
            let broke = try await bench.dialer(["call", "+919876543210", "--agent", "demo-agent"])
            #expect(broke.status == 3, "\(broke.allOutput)")
            #expect(broke.standardError.contains("insufficient balance (402)"))

            let key = try await bench.dialer(
                ["call", "+919876543210", "--agent", "demo-agent"],
                environment: ["VAANI_API_KEY": "vaani_0123456789abcdef0123456789abcdef"]
            )
            #expect(key.status == 4, "\(key.allOutput)")

            try await bench.simulator.setBalance(100)
            let agent = try await bench.dialer(["call", "+919876543210", "--agent", "nobody"])
            #expect(agent.status == 1, "\(agent.allOutput)")
            #expect(agent.standardError.contains("nobody"))
        }
    }
}
