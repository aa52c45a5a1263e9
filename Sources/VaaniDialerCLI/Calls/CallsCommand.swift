import ArgumentParser

/// `vaani-dialer calls …`: the account's call history.
struct CallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "List the call history, or show one call's details and transcript.",
        subcommands: [CallsListCommand.self, CallsShowCommand.self]
    )
}
