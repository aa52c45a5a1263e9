import CampaignStore
import Foundation
import SimulatorHarness
import Testing
import VaaniAPI
import VaaniSimulator

/// `vaani-dialer agents …` against the simulator: an agent created, listed, shown, updated section by
/// section and deleted, and bad files refused with their file, line and column.
@Suite("vaani-dialer agents")
struct AgentsCommandTests {
    /// The agent's configuration as the simulator holds it now.
    static func config(_ bench: APIBench, _ agent: String) async throws -> JSONObject {
        try await bench.withClient { client in try await client.agents.get(agent).config ?? [:] }
    }

    @Test("create, list, show, update section by section, delete")
    func lifecycle() async throws {
        try await APIBench.with { bench in
            let dir = bench.directory
            try dir.write("agent.json", """
                {
                  "persona": {"name": "Meera", "voice": "meera", "tone": {"warmth": 3}},
                  "training": {"company": "Acme Renewals"}
                }
                """)
            let created = try await bench.dialer(["agents", "create", "--name", "Renewals Bot", "--config", dir.path("agent.json")])
            #expect(created.status == 0, "\(created.allOutput)")
            let agentID = try #require(created.standardOutput.split(separator: " ").last.map {
                $0.trimmingCharacters(in: .whitespacesAndNewlines)
            })
            #expect(created.standardOutput.hasPrefix("Created agent renewals-bot with id "))

            let listed = try await bench.dialer(["agents", "list"])
            #expect(listed.status == 0, "\(listed.allOutput)")
            let lines = listed.standardOutput.split(separator: "\n")
            #expect(lines.first?.hasPrefix("ID") == true)
            #expect(lines.contains { $0.hasPrefix(agentID) && $0.contains("Renewals Bot") && $0.hasSuffix("active") })
            #expect(lines.contains { $0.hasPrefix(SimulatorConfiguration.demoAgentID) })

            let listedJSON = try await bench.dialer(["agents", "list", "--json"])
            let array = try #require(try JSONSerialization.jsonObject(with: Data(listedJSON.standardOutput.utf8)) as? [[String: Any]])
            #expect(array.contains { $0["id"] as? String == agentID && $0["display_name"] as? String == "Renewals Bot" })

            let shown = try await bench.dialer(["agents", "show", agentID])
            #expect(shown.status == 0, "\(shown.allOutput)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.standardOutput.utf8)) as? [String: Any])
            let config = try #require(object["config"] as? [String: Any])
            #expect((config["persona"] as? [String: Any])?["voice"] as? String == "meera")
            #expect((config["training"] as? [String: Any])?["company"] as? String == "Acme Renewals")

            // One section from its own file: deep-merged into what is there.
            try dir.write("persona.json", #"{"voice": "arjun", "tone": {"pace": "slow"}}"#)
            let persona = try await bench.dialer(["agents", "update", agentID, "--section", "persona", dir.path("persona.json")])
            #expect(persona.status == 0, "\(persona.allOutput)")
            #expect(persona.standardOutput.contains("Updated persona of agent \(agentID)"))
            var now = try await Self.config(bench, agentID)
            #expect(now["persona"] == ["name": "Meera", "voice": "arjun", "tone": ["warmth": 3, "pace": "slow"]])

            // Two sections, each with its file, in one command.
            try dir.write("experience.json", #"{"interruptible": false}"#)
            try dir.write("analysis.json", #"{"entities": ["renewal_date"]}"#)
            let two = try await bench.dialer([
                "agents", "update", agentID, "--section", "experience", dir.path("experience.json"),
                "--section", "analysis", dir.path("analysis.json"),
            ])
            #expect(two.status == 0, "\(two.allOutput)")
            now = try await Self.config(bench, agentID)
            #expect(now["experience"] == ["interruptible": false])
            #expect(now["analysis"] == ["entities": ["renewal_date"]])

            // A file of whole sections, without --section.
            try dir.write("sections.json", #"{"training": {"faq": "renewals.md"}, "deployment": {"channel": "telephony"}}"#)
            let whole = try await bench.dialer(["agents", "update", agentID, dir.path("sections.json")])
            #expect(whole.status == 0, "\(whole.allOutput)")
            now = try await Self.config(bench, agentID)
            #expect(now["training"] == ["company": "Acme Renewals", "faq": "renewals.md"])
            #expect(now["deployment"] == ["channel": "telephony"])
            let merged = try #require(
                try JSONSerialization.jsonObject(with: Data(whole.standardOutput.split(separator: "\n").dropFirst(2).joined(separator: "\n").utf8))
                    as? [String: Any]
            )
            #expect(merged["agent_id"] as? String == agentID)

            // Deleting asks on a terminal; without one it needs --yes.
            let refused = try await bench.dialer(["agents", "delete", agentID])
            #expect(refused.status == 64, "\(refused.allOutput)")
            #expect(refused.standardError.contains("pass --yes"))
            let deleted = try await bench.dialer(["agents", "delete", agentID, "--yes"])
            #expect(deleted.status == 0, "\(deleted.allOutput)")
            #expect(deleted.standardOutput.contains("Agent deleted successfully"))
            let gone = try await bench.dialer(["agents", "show", agentID])
            #expect(gone.status == 1)
            #expect(gone.standardError.contains("not found (404)"))
        }
    }

    @Test("bad JSON, an unknown section, a section that is not an object: usage errors naming file, line and column")
    func badFiles() async throws {
        try await APIBench.with { bench in
            let dir = bench.directory
            let agent = SimulatorConfiguration.demoAgentID
            let broken = try dir.write("broken.json", "{\n  \"voice\": \"arjun\",\n  \"tone\": \n}\n")
            let syntax = try await bench.dialer(["agents", "update", agent, "--section", "persona", broken])
            #expect(syntax.status == 64, "\(syntax.allOutput)")
            #expect(syntax.standardError.contains("\(broken):4:1: not valid JSON"), "\(syntax.standardError)")

            let unknown = try dir.write("unknown.json", "{\n  \"persona\": {\"voice\": \"arjun\"},\n  \"trainig\": {}\n}\n")
            let section = try await bench.dialer(["agents", "update", agent, unknown])
            #expect(section.status == 64, "\(section.allOutput)")
            #expect(section.standardError.contains("\(unknown):3:3: trainig: unknown section; expected one of persona, training"))

            let created = try await bench.dialer(["agents", "create", "--name", "X", "--config", unknown])
            #expect(created.status == 64)
            #expect(created.standardError.contains("\(unknown):3:3: trainig: unknown section"))

            let scalar = try dir.write("scalar.json", "{\"persona\": \"arjun\"}")
            let notObject = try await bench.dialer(["agents", "update", agent, scalar])
            #expect(notObject.status == 64)
            #expect(notObject.standardError.contains("\(scalar):1:2: persona: expected an object"))

            let option = try await bench.dialer(["agents", "update", agent, "--section", "voice", broken])
            #expect(option.status == 64)
            #expect(option.standardError.contains("--section voice: unknown section"))

            let twice = try dir.write("twice.json", "{\"voice\": 1,\n \"voice\": 2}")
            let duplicate = try await bench.dialer(["agents", "update", agent, "--section", "persona", twice])
            #expect(duplicate.status == 64)
            #expect(duplicate.standardError.contains("\(twice):2:2: voice: appears twice"))

            // Nothing was sent: the demo agent is as it started.
            let config = try await Self.config(bench, agent)
            #expect(config["persona"] == ["name": "Asha", "language": "hi"])
            #expect(try await bench.withClient { client in try await client.agents.list() }.count == 1)
        }
    }
}
