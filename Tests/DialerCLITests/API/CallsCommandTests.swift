import CampaignStore
import Foundation
import SimulatorHarness
import Testing
import VaaniAPI
import VaaniSimulator

/// `vaani-dialer calls list` and `calls show` over the simulator's history.
@Suite("vaani-dialer calls")
struct CallsCommandTests {
    /// Places `count` calls and waits until every one has ended; returns their ids, oldest first.
    static func placeCalls(_ bench: APIBench, count: Int) async throws -> [String] {
        try await bench.withClient { client in
            var ids: [String] = []
            for index in 0..<count {
                let request = TriggerCallRequest(
                    agentID: "demo-agent", contactNumber: "+9198765\(10_000 + index)", name: "Contact \(index)",
                    metadata: ["plan": "gold"]
                )
                ids.append(try #require(try await client.calls.trigger(request).callID))
            }
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                let page = try await client.calls.history(page: 1, pageSize: 200)
                if page.records.allSatisfy({ $0.status?.isFinal == true }) { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            return ids
        }
    }

    static let simulator = SimulatorConfiguration(seed: 9, speed: 600, answerRate: 1, noAnswerRate: 0, busyRate: 0, failRate: 0, voicemailRate: 0)

    @Test("list: a page, all pages, JSON Lines; numbers masked unless --full-numbers")
    func list() async throws {
        try await APIBench.with(Self.simulator) { bench in
            let ids = try await Self.placeCalls(bench, count: 5)

            let page = try await bench.dialer(["calls", "list", "--page", "2", "--page-size", "2"])
            #expect(page.status == 0, "\(page.allOutput)")
            let lines = page.standardOutput.split(separator: "\n").map(String.init)
            #expect(lines.count == 4, "\(lines)")
            #expect(lines[0].hasPrefix("CALL"))
            // Newest first: page 2 of size 2 holds the third and second newest.
            #expect(lines[1].hasPrefix(ids[2] + " ") && lines[2].hasPrefix(ids[1] + " "))
            #expect(lines[1].contains("completed") && lines[1].contains("+91******0002"))
            #expect(lines[3] == "page 2 of 3, 5 calls")

            let all = try await bench.dialer(["calls", "list", "--all", "--page-size", "2", "--json", "--full-numbers"])
            #expect(all.status == 0, "\(all.allOutput)")
            let records = try all.standardOutput.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            }
            #expect(records.compactMap { $0["call_id"] as? String } == ids.reversed())
            #expect(records.last?["contact_number"] as? String == "+919876510000")
            #expect(records.allSatisfy { $0["call_status"] as? String == "completed" })

            let masked = try await bench.dialer(["calls", "list", "--json"])
            #expect(!masked.standardOutput.contains("+919876510000"))
            #expect(masked.standardOutput.contains("+91******0000"))
        }
    }

    @Test("show: details and transcript for a terminal, or the record as JSON; an unknown id exits 1")
    func show() async throws {
        try await APIBench.with(Self.simulator) { bench in
            let ids = try await Self.placeCalls(bench, count: 1)
            let shown = try await bench.dialer(["calls", "show", ids[0]])
            #expect(shown.status == 0, "\(shown.allOutput)")
            let text = shown.standardOutput
            for label in ["call        \(ids[0])", "status      completed", "contact     Contact 0 +91******0000",
                          "agent       demo-agent", "duration    ", "disposition ", "cost        ", "summary     ",
                          "entities    ", "variables   plan=gold", "transcript\n  agent: "] {
                #expect(text.contains(label), "missing \(label) in\n\(text)")
            }

            let json = try await bench.dialer(["calls", "show", ids[0], "--json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
            #expect(object["call_id"] as? String == ids[0])
            #expect((object["transcript"] as? [[String: Any]])?.isEmpty == false)
            #expect(object["summary"] is String)

            let unknown = try await bench.dialer(["calls", "show", "no-such-call"])
            #expect(unknown.status == 1)
            #expect(unknown.standardError.contains("not found (404)"))
        }
    }
}
