import ArgumentParser
import Foundation
import VaaniAPI

/// `vaani-dialer agents create --name NAME --config FILE.json`: a new agent.
struct AgentsCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an agent from a JSON file of configuration sections.",
        discussion: """
            The file is an object whose keys are sections (persona, training, experience, analysis, \
            deployment), each an object. Prints the new agent's id and name.
            """
    )

    @Option(help: "The agent's display name.")
    var name: String

    @Option(help: ArgumentHelp("A JSON file of configuration sections.", valueName: "file.json"))
    var config: String?

    @OptionGroup var api: APIOptions

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--name must not be empty") }
    }

    func run() async throws {
        var sections: JSONObject = [:]
        if let config {
            for (section, patch) in try AgentConfigFile.sections(path: config) { sections[section.rawValue] = .object(patch) }
        }
        let created = try await api.withClient { client in try await client.agents.create(displayName: name, config: sections) }
        print("Created agent \(created.agentName ?? name) with id \(created.agentID ?? "(none given)")")
    }
}
