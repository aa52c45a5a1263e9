import SimulatorHarness
import Foundation
import NIOCore
import NIOHTTP1
import Testing
import VaaniSimulator

@Suite("Agents over HTTP")
struct AgentTests {
    @Test func agentsCanBeCreatedReadPatchedListedAndDeleted() async throws {
        try await withSimulator { simulator async throws in
            let created = try await simulator.send(
                .POST, "/api/create-agent",
                json: ["agent_display_name": "Collections Bot", "config": ["persona": ["name": "Priya", "tone": "warm"]]]
            )
            #expect(created.status == 200)
            let agentID = try #require(created.object["agent_id"] as? String)
            #expect(created.object["agent_name"] as? String == "collections-bot")

            let byName = try await simulator.send(.GET, "/api/agents/collections-bot").object
            #expect(byName["id"] as? String == agentID)
            #expect(byName["display_name"] as? String == "Collections Bot")

            let patched = try await simulator.send(.PATCH, "/api/agent/\(agentID)/persona", json: ["tone": "formal", "voice": ["gender": "female"]])
            #expect(patched.status == 200)
            #expect(patched.object["agent_id"] as? String == agentID)
            let persona = try #require(patched.object["persona"] as? [String: Any])
            #expect(persona["name"] as? String == "Priya")
            #expect(persona["tone"] as? String == "formal")
            #expect((persona["voice"] as? [String: Any])?["gender"] as? String == "female")

            let listed = try #require(try await simulator.send(.GET, "/api/agents?search=collect").json as? [[String: Any]])
            #expect(listed.compactMap { $0["id"] as? String } == [agentID])
            let all = try #require(try await simulator.send(.GET, "/api/agents").json as? [[String: Any]])
            #expect(all.count == 2)

            // A call through the new agent uses its persona.
            let call = try await simulator.send(
                .POST, "/api/trigger-call/", json: ["agent_id": "collections-bot", "contact_number": "+14155550100", "name": "Sam"]
            )
            #expect(call.status == 200)

            let deleted = try await simulator.send(.DELETE, "/api/agents/\(agentID)")
            #expect(deleted.object["message"] as? String == "Agent deleted successfully")
            #expect(try await simulator.send(.GET, "/api/agents/\(agentID)").status == 404)
            #expect(try await simulator.send(.DELETE, "/api/agents/\(agentID)").status == 404)
            #expect(try await simulator.send(.PATCH, "/api/agent/\(agentID)/persona", json: [:]).status == 404)
        }
    }

    @Test func badAgentRequestsGet422() async throws {
        try await withSimulator { simulator async throws in
            #expect(try await simulator.send(.POST, "/api/create-agent", json: ["agent_display_name": " "]).status == 422)
            #expect(try await simulator.send(.POST, "/api/create-agent", json: ["config": [:]]).status == 422)
            let badSection = try await simulator.send(.PATCH, "/api/agent/\(SimulatorConfiguration.demoAgentID)/voice", json: [:])
            #expect((400...422).contains(badSection.status))
        }
    }
}
