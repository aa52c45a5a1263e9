import ArgumentParser
import VaaniAPI

/// `vaani-dialer calls show CALL_ID`: one call's details and transcript.
struct CallsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one call: status, contact, duration, disposition, cost, summary, entities and transcript."
    )

    @Argument(help: "The call's id.")
    var callID: String

    @Flag(help: "Print the API's record as JSON.")
    var json = false

    @Flag(help: "Show the whole phone number.")
    var fullNumbers = false

    @OptionGroup var api: APIOptions

    func run() async throws {
        let record = try await api.withClient { client in try await client.calls.details(callID: callID) }
        print(json ? try JSONOutput.text(record.json(fullNumbers: fullNumbers)) : record.detailsText(fullNumbers: fullNumbers))
    }
}
