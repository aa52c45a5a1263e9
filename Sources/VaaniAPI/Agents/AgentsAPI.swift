import OpenAPIRuntime
import VaaniOpenAPI

/// Agents: create, list, read, update a configuration section, delete (``VaaniClient/agents``).
public struct AgentsAPI: Sendable {
    let client: VaaniClient

    /// Creates an agent.
    ///
    /// ```swift
    /// let agent = try await client.agents.create(displayName: "Collections", config: ["persona": ["voice": "meera"]])
    /// ```
    /// - Parameters:
    ///   - displayName: The agent's display name.
    ///   - config: The agent's configuration sections.
    /// - Throws: ``VaaniError``.
    public func create(displayName: String, config: JSONObject = [:]) async throws -> CreatedAgent {
        try await client.perform(Operations.CreateAgent.id) {
            let body = Components.Schemas.CreateAgentRequest(
                agentDisplayName: displayName,
                config: .init(additionalProperties: try .init(config))
            )
            return CreatedAgent(try await client.underlying.createAgent(body: .json(body)).ok.body.json)
        }
    }

    /// Lists agents, whichever of the three documented shapes the server answers with (a bare array,
    /// or one wrapped in `data` or `items`).
    /// - Parameters:
    ///   - search: Only agents whose names contain this.
    ///   - page: The page, 1-based.
    ///   - pageSize: Agents per page.
    /// - Throws: ``VaaniError``.
    public func list(search: String? = nil, page: Int? = nil, pageSize: Int? = nil) async throws -> [Agent] {
        try await client.perform(Operations.ListAgents.id) {
            let output = try await client.underlying.listAgents(
                query: .init(search: search, page: page, pageSize: pageSize)
            )
            switch try output.ok.body.json {
            case .case1(let agents): return agents.map(Agent.init)
            case .WrappedAgentsData(let wrapped): return wrapped.data.map(Agent.init)
            case .WrappedAgentsItems(let wrapped): return wrapped.items.map(Agent.init)
            }
        }
    }

    /// One agent.
    /// - Parameter agent: The agent's id or name.
    /// - Throws: ``VaaniError`` (`notFound` for an unknown agent).
    public func get(_ agent: String) async throws -> Agent {
        try await client.perform(Operations.GetAgent.id) {
            Agent(try await client.underlying.getAgent(path: .init(agentId: agent)).ok.body.json)
        }
    }

    /// Deletes an agent.
    /// - Parameter agent: The agent's id or name.
    /// - Returns: The server's message, e.g. `Agent deleted successfully`.
    /// - Throws: ``VaaniError`` (`notFound` for an unknown agent).
    @discardableResult
    public func delete(_ agent: String) async throws -> String? {
        try await client.perform(Operations.DeleteAgent.id) {
            try await client.underlying.deleteAgent(path: .init(agentId: agent)).ok.body.json.message
        }
    }

    /// Deep-merges a partial section into an agent's configuration.
    ///
    /// ```swift
    /// try await client.agents.update(agentID, section: .persona, patch: ["voice": "arjun"])
    /// ```
    /// - Parameters:
    ///   - agent: The agent's id or name.
    ///   - section: The section to update.
    ///   - patch: The members to merge into the section.
    /// - Returns: The agent with its merged configuration.
    /// - Throws: ``VaaniError``.
    @discardableResult
    public func update(_ agent: String, section: AgentSection, patch: JSONObject) async throws -> AgentConfiguration {
        try await client.perform(Operations.UpdateAgentSection.id) {
            let output = try await client.underlying.updateAgentSection(
                path: .init(agentId: agent, section: section.generated),
                body: .json(.init(additionalProperties: try .init(patch)))
            )
            return AgentConfiguration(try output.ok.body.json)
        }
    }
}
