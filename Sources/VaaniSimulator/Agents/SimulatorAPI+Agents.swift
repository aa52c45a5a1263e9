import Foundation
import OpenAPIRuntime
import VaaniOpenAPI
import Synchronization

extension SimulatorAPI {
    func createAgent(_ input: Operations.CreateAgent.Input) async throws -> Operations.CreateAgent.Output {
        guard case .json(let request) = input.body else { throw SimulatorFailure.invalidField("body", "Expected JSON") }
        let displayName = request.agentDisplayName.trimmingCharacters(in: .whitespaces)
        if displayName.isEmpty { throw SimulatorFailure.invalidField("agent_display_name", "must not be empty") }
        let config = request.config?.additionalProperties.value ?? [:]
        for (section, value) in config where value != nil && !(value is [String: (any Sendable)?]) {
            throw SimulatorFailure.invalidField("config.\(section)", "must be an object")
        }
        let agent = core.createAgent(displayName: displayName, config: config)
        return .ok(.init(body: .json(.init(
            agentId: agent.id, agentName: agent.name,
            additionalProperties: try .init(unvalidatedValue: [
                "agent_display_name": agent.displayName, "created_at": core.clock.timestamp(atNanos: agent.createdAtNanos),
            ])
        ))))
    }

    func listAgents(_ input: Operations.ListAgents.Input) async throws -> Operations.ListAgents.Output {
        let search = input.query.search?.lowercased() ?? ""
        var agents = core.agents().filter {
            search.isEmpty || $0.name.lowercased().contains(search) || $0.displayName.lowercased().contains(search)
        }
        if let page = input.query.page ?? input.query.pageSize.map({ _ in 1 }) {
            let pageSize = input.query.pageSize ?? 50
            guard page >= 1, (1...200).contains(pageSize) else {
                throw SimulatorFailure.invalidField("page", "page must be ≥ 1 and page_size 1–200", in: "query")
            }
            agents = Array(agents.dropFirst((page - 1) * pageSize).prefix(pageSize))
        }
        return .ok(.init(body: .json(.case1(try agents.map(agentBody)))))
    }

    func getAgent(_ input: Operations.GetAgent.Input) async throws -> Operations.GetAgent.Output {
        .ok(.init(body: .json(try agentBody(try core.agent(input.path.agentId)))))
    }

    func deleteAgent(_ input: Operations.DeleteAgent.Input) async throws -> Operations.DeleteAgent.Output {
        try core.deleteAgent(input.path.agentId)
        return .ok(.init(body: .json(.init(message: "Agent deleted successfully"))))
    }

    func updateAgentSection(
        _ input: Operations.UpdateAgentSection.Input
    ) async throws -> Operations.UpdateAgentSection.Output {
        guard case .json(let patch) = input.body else { throw SimulatorFailure.invalidField("body", "Expected JSON") }
        let agent = try core.updateAgent(
            input.path.agentId, section: input.path.section.rawValue, patch: patch.additionalProperties.value
        )
        var merged = agent.config
        merged["agent_id"] = agent.id
        merged["agent_display_name"] = agent.displayName
        merged["agent_name"] = agent.name
        return .ok(.init(body: .json(.init(
            agentId: agent.id, agentDisplayName: agent.displayName,
            additionalProperties: try .init(unvalidatedValue: merged.filter { $0.key != "agent_id" && $0.key != "agent_display_name" })
        ))))
    }

    func agentBody(_ agent: SimulatedAgent) throws -> Components.Schemas.Agent {
        .init(
            id: agent.id, agentId: agent.id, agentName: agent.name, displayName: agent.displayName,
            agentDisplayName: agent.displayName, agentLanguage: agent.language,
            createdAt: core.clock.timestamp(atNanos: agent.createdAtNanos),
            config: .init(additionalProperties: try .init(unvalidatedValue: agent.config)),
            additionalProperties: try .init(unvalidatedValue: ["status": "active"])
        )
    }
}

extension SimulatorCore {
    func createAgent(displayName: String, config: [String: (any Sendable)?]) -> SimulatedAgent {
        let nowNanos = now
        return state.withLock { state in
            let id = Self.uuid(&state.random)
            let index = state.agents.add(id: id, displayName: displayName, config: config, at: nowNanos)
            return state.agents[index]
        }
    }

    func agents() -> [SimulatedAgent] { state.withLock { $0.agents.agents.filter { !$0.isDeleted } } }

    func agent(_ idOrName: String) throws(SimulatorFailure) -> SimulatedAgent {
        let agent = state.withLock { state in state.agents.index(of: idOrName).map { state.agents[$0] } }
        guard let agent else { throw .notFound("Agent \(idOrName) not found") }
        return agent
    }

    func deleteAgent(_ idOrName: String) throws(SimulatorFailure) {
        guard state.withLock({ $0.agents.delete(idOrName) }) else { throw .notFound("Agent \(idOrName) not found") }
    }

    func updateAgent(
        _ idOrName: String, section: String, patch: [String: (any Sendable)?]
    ) throws(SimulatorFailure) -> SimulatedAgent {
        let agent = state.withLock { state -> SimulatedAgent? in
            guard let index = state.agents.index(of: idOrName) else { return nil }
            state.agents.merge(section: section, patch: patch, into: index)
            return state.agents[index]
        }
        guard let agent else { throw .notFound("Agent \(idOrName) not found") }
        return agent
    }

    /// A random version-4 UUID from the seeded generator.
    static func uuid(_ random: inout SplitMix64) -> String {
        let high = (random.next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let low = (random.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let h = CallID.hex(high, width: 16)
        let l = CallID.hex(low, width: 16)
        return "\(h.prefix(8))-\(h.dropFirst(8).prefix(4))-\(h.suffix(4))-\(l.prefix(4))-\(l.suffix(12))"
    }
}
