import ArgumentParser

/// `vaani-dialer agents …`: the account's AI agents.
struct AgentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agents",
        abstract: "List, show, create, update and delete Vaani agents.",
        subcommands: [
            AgentsListCommand.self, AgentsShowCommand.self, AgentsCreateCommand.self, AgentsUpdateCommand.self,
            AgentsDeleteCommand.self,
        ]
    )
}
