/// The agents of the simulated account. Indices are stable (deleted agents stay as tombstones)
/// because calls refer to their agent by index.
struct AgentDirectory: Sendable {
    private(set) var agents: [SimulatedAgent] = []

    /// The live agent with this id or name.
    func index(of idOrName: String) -> Int? {
        agents.firstIndex { !$0.isDeleted && ($0.id == idOrName || $0.name == idOrName) }
    }

    /// Adds an agent; its name is the display name as a slug, made unique with a numeric suffix.
    mutating func add(id: String, displayName: String, config: [String: (any Sendable)?], at nanos: Int64) -> Int {
        let base = Self.slug(displayName)
        var name = base
        var suffix = 2
        while agents.contains(where: { !$0.isDeleted && $0.name == name }) {
            name = "\(base)-\(suffix)"
            suffix += 1
        }
        agents.append(.init(id: id, name: name, displayName: displayName, createdAtNanos: nanos, config: config))
        return agents.count - 1
    }

    /// Deletes an agent; false when there is no live agent with this id or name.
    mutating func delete(_ idOrName: String) -> Bool {
        guard let index = index(of: idOrName) else { return false }
        agents[index].isDeleted = true
        return true
    }

    /// Deep-merges a partial section into an agent's configuration.
    mutating func merge(section: String, patch: [String: (any Sendable)?], into index: Int) {
        let current = (agents[index].config[section] ?? nil) as? [String: (any Sendable)?] ?? [:]
        agents[index].config[section] = deepMerge(current, patch)
    }

    subscript(index: Int) -> SimulatedAgent { agents[index] }

    static func slug(_ text: String) -> String {
        var slug = ""
        var lastWasDash = true
        for character in text.lowercased() {
            if character.isLetter || character.isNumber, character.isASCII {
                slug.append(character)
                lastWasDash = false
            } else if !lastWasDash {
                slug.append("-")
                lastWasDash = true
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "agent" : slug
    }
}
