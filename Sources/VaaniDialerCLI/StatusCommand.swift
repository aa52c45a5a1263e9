import ArgumentParser
import CampaignReports

/// `vaani-dialer status NAME`: where a campaign stands and what to do next.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a campaign's progress, outcomes, costs, pause or backoff state, and what to do next."
    )

    @Argument(help: "The campaign's name.")
    var name: String

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() async throws {
        let summary = try await CampaignReporter(store: database.openExistingForReading()).status(campaign: name)
        print(json ? try summary.jsonText() : summary.renderedText())
    }
}
