import ArgumentParser
import CampaignReports
import Foundation

/// `vaani-dialer list`: every campaign with its state and progress.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every campaign with its status and progress."
    )

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let entries = try await CampaignReporter(store: database.openExistingForReading()).campaigns()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
        } else {
            print(CampaignListEntry.renderedTable(entries))
        }
    }
}
