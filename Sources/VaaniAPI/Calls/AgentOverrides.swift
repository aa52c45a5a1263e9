import VaaniOpenAPI

/// Per-call overrides of an agent's configuration sections (`modify_agent`).
public struct AgentOverrides: Sendable, Hashable {
    /// Overrides of the `persona` section.
    public var persona: JSONObject?
    /// Overrides of the `training` section.
    public var training: JSONObject?
    /// Overrides of the `experience` section.
    public var experience: JSONObject?
    /// Overrides of the `analysis` section.
    public var analysis: JSONObject?
    /// Any other member to send.
    public var extra: JSONObject

    /// Creates overrides.
    /// - Parameters:
    ///   - persona: Overrides of the `persona` section.
    ///   - training: Overrides of the `training` section.
    ///   - experience: Overrides of the `experience` section.
    ///   - analysis: Overrides of the `analysis` section.
    ///   - extra: Any other member to send.
    public init(
        persona: JSONObject? = nil,
        training: JSONObject? = nil,
        experience: JSONObject? = nil,
        analysis: JSONObject? = nil,
        extra: JSONObject = [:]
    ) {
        self.persona = persona
        self.training = training
        self.experience = experience
        self.analysis = analysis
        self.extra = extra
    }

    var generated: Components.Schemas.AgentOverrides {
        get throws {
            func section(_ object: JSONObject?) throws -> Components.Schemas.JSONObject? {
                try object.map { .init(additionalProperties: try .init($0)) }
            }
            return .init(
                persona: try section(persona),
                training: try section(training),
                experience: try section(experience),
                analysis: try section(analysis),
                additionalProperties: try .init(extra)
            )
        }
    }
}
