import OpenAPIRuntime

/// An agent: identity plus its configuration sections (`persona`, `training`, `experience`,
/// `analysis`, `deployment`), kept as the JSON object the API deep-merges into.
struct SimulatedAgent: Sendable {
    var id: String
    var name: String
    var displayName: String
    var createdAtNanos: Int64
    var config: [String: (any Sendable)?]
    var isDeleted = false

    /// The agent's language: `persona.language` if configured, else Hindi, the API's default.
    var language: String {
        ((config["persona"] ?? nil) as? [String: (any Sendable)?]).flatMap { ($0["language"] ?? nil) as? String } ?? "hi"
    }
}

/// Deep merge as the `PATCH /api/agent/{id}/{section}` endpoint does it: objects merge key by key,
/// anything else (strings, numbers, arrays, null) replaces what was there.
func deepMerge(_ base: [String: (any Sendable)?], _ patch: [String: (any Sendable)?]) -> [String: (any Sendable)?] {
    var merged = base
    for (key, newValue) in patch {
        if let newObject = newValue as? [String: (any Sendable)?],
            let oldObject = (merged[key] ?? nil) as? [String: (any Sendable)?]
        {
            merged[key] = deepMerge(oldObject, newObject)
        } else {
            merged[key] = newValue
        }
    }
    return merged
}
