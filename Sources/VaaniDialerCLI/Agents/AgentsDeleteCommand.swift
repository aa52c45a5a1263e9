import ArgumentParser
import Foundation
import VaaniAPI

/// `vaani-dialer agents delete ID`: deletes an agent, after asking on a terminal.
struct AgentsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an agent (asks for confirmation on a terminal; pass --yes otherwise)."
    )

    @Argument(help: "The agent's id or name.")
    var agent: String

    @Flag(name: [.short, .long], help: "Delete without asking.")
    var yes = false

    @OptionGroup var api: APIOptions

    func run() async throws {
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw ValidationError("Deleting agent \(agent) cannot be undone; not on a terminal, so pass --yes to confirm.")
            }
            FileHandle.standardOutput.write(Data("Delete agent \(agent)? This cannot be undone. [y/N] ".utf8))
            guard let answer = readLine(), ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
                print("Not deleted.")
                return
            }
        }
        let message = try await api.withClient { client in try await client.agents.delete(agent) }
        print("Deleted agent \(agent)" + (message.map { ": \($0)" } ?? ""))
    }
}
