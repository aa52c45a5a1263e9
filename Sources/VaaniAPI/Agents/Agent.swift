import VaaniOpenAPI

/// An AI agent, as listing and ``AgentsAPI/get(_:)`` describe it.
public struct Agent: Sendable, Hashable {
    /// The agent's id (`id`, or `agent_id` where the server uses that name).
    public var id: String?
    /// The agent's unique name, usable in place of its id.
    public var name: String?
    /// The agent's display name (`display_name` or `agent_display_name`).
    public var displayName: String?
    /// The agent's language.
    public var language: String?
    /// When the agent was created, as the server wrote it.
    public var createdAt: String?
    /// The agent's configuration, when the server includes it.
    public var config: JSONObject?
    /// Every other field of the agent.
    public var extra: JSONObject

    init(_ generated: Components.Schemas.Agent) {
        id = generated.id ?? generated.agentId
        name = generated.agentName
        displayName = generated.displayName ?? generated.agentDisplayName
        language = generated.agentLanguage
        createdAt = generated.createdAt
        config = generated.config?.additionalProperties.jsonObject
        extra = generated.additionalProperties.jsonObject
    }
}

/// The answer of ``AgentsAPI/create(displayName:config:)``.
public struct CreatedAgent: Sendable, Hashable {
    /// The new agent's id.
    public var agentID: String?
    /// The new agent's unique name.
    public var agentName: String?
    /// Every other field of the answer.
    public var extra: JSONObject

    init(_ generated: Components.Schemas.CreatedAgent) {
        agentID = generated.agentId
        agentName = generated.agentName
        extra = generated.additionalProperties.jsonObject
    }
}

/// The answer of ``AgentsAPI/update(_:section:patch:)``: the agent with its merged configuration.
public struct AgentConfiguration: Sendable, Hashable {
    /// The agent's id.
    public var agentID: String?
    /// The agent's display name.
    public var displayName: String?
    /// The merged configuration: every field besides the id and display name, e.g. `persona`.
    public var sections: JSONObject

    init(_ generated: Components.Schemas.AgentConfigResponse) {
        agentID = generated.agentId
        displayName = generated.agentDisplayName
        sections = generated.additionalProperties.jsonObject
    }
}

/// A section of an agent's configuration, updated with ``AgentsAPI/update(_:section:patch:)``.
public enum AgentSection: String, Sendable, Hashable, CaseIterable {
    /// Who the agent is: name, voice, tone.
    case persona
    /// What the agent knows and says.
    case training
    /// How the conversation feels: interruptions, pauses.
    case experience
    /// What is extracted and evaluated after a call.
    case analysis
    /// Where and how the agent is deployed.
    case deployment

    var generated: Components.Schemas.AgentSection {
        switch self {
        case .persona: .persona
        case .training: .training
        case .experience: .experience
        case .analysis: .analysis
        case .deployment: .deployment
        }
    }
}
