import ArgumentParser
import VaaniAPI

/// `vaani-dialer agents show ID`: one agent's whole configuration as JSON.
struct AgentsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one agent, with its whole configuration, as JSON."
    )

    @Argument(help: "The agent's id or name.")
    var agent: String

    @OptionGroup var api: APIOptions

    func run() async throws {
        let found = try await api.withClient { client in try await client.agents.get(agent) }
        print(try JSONOutput.text(found.json))
    }
}
