import ArgumentParser
import VaaniAPI

/// `vaani-dialer agents list`: every agent's id, name and status.
struct AgentsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the account's agents: id, name and status."
    )

    @Option(help: "Only agents whose name contains this.")
    var search: String?

    @Flag(help: "Print JSON (every field of every agent) instead of a table.")
    var json = false

    @OptionGroup var api: APIOptions

    func run() async throws {
        let agents = try await api.withClient { client in try await client.agents.list(search: search) }
        print(json ? try JSONOutput.text(JSONValue.array(agents.map(\.json))) : Agent.table(agents))
    }
}
