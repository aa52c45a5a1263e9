import ArgumentParser
import VaaniAPI

/// `vaani-dialer agents update ID --section persona FILE.json …`: merges sections into an agent.
struct AgentsUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Deep-merge one or more configuration sections into an agent.",
        discussion: """
            Give each section with the file of its settings: `--section persona persona.json --section \
            training training.json`; the n-th --section takes the n-th file. A file given without \
            --section is an object whose keys are sections. Sections are sent one by one, in order; \
            prints the merged configuration as JSON.
            """
    )

    @Argument(help: "The agent's id or name.")
    var agent: String

    @Option(help: ArgumentHelp("The section the matching file holds (repeatable).", valueName: "section"))
    var section: [String] = []

    @Argument(help: ArgumentHelp("JSON files of settings, one per --section (or one of whole sections).", valueName: "file.json"))
    var files: [String] = []

    @OptionGroup var api: APIOptions

    func validate() throws {
        for name in section where AgentSection(rawValue: name) == nil {
            throw ValidationError("--section \(name): unknown section; expected one of \(AgentConfigFile.sectionNames)")
        }
        if files.isEmpty { throw ValidationError("Give a JSON file of settings: --section persona persona.json") }
        if !section.isEmpty, section.count != files.count {
            throw ValidationError(
                "\(section.count) --section option(s) for \(files.count) file(s): give each --section the file of its settings"
            )
        }
        if section.isEmpty, files.count != 1 {
            throw ValidationError("Without --section, give one file whose keys are sections (\(AgentConfigFile.sectionNames))")
        }
    }

    /// The patches to send, in order, read and checked before anything is sent.
    func patches() throws -> [(section: AgentSection, patch: JSONObject)] {
        if section.isEmpty { return try AgentConfigFile.sections(path: files[0]) }
        return try zip(section, files).map { name, file in
            (AgentSection(rawValue: name) ?? .persona, try AgentConfigFile.section(path: file))
        }
    }

    func run() async throws {
        let patches = try patches()
        let merged = try await api.withClient { client in
            var last: AgentConfiguration?
            for (section, patch) in patches {
                last = try await client.agents.update(agent, section: section, patch: patch)
                print("Updated \(section.rawValue) of agent \(agent)")
            }
            return last
        }
        guard let merged else { return }
        let configuration = JSONOutput.object(
            ["agent_id": merged.agentID.map(JSONValue.string), "agent_display_name": merged.displayName.map(JSONValue.string)],
            extra: merged.sections
        )
        print(try JSONOutput.text(configuration))
    }
}
