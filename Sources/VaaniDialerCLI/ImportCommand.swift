import ArgumentParser
import CampaignStore
import ContactImport
import Foundation

/// `vaani-dialer import CSV --campaign NAME --agent AGENT_ID …`: loads a contact list into a campaign.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV contact list into a campaign (created if needed).",
        discussion: """
            Numbers are validated and normalized to E.164; invalid rows go to <db-dir>/<campaign>-rejects.csv \
            with their line, column and reason. Duplicates and do-not-call numbers are skipped and counted. \
            Importing the same file again changes nothing; importing another file appends.
            """
    )

    @Argument(help: "The CSV file (delimiter , ; tab or |, detected).")
    var csv: String

    @Option(help: "The campaign to import into.")
    var campaign: String

    @Option(help: "The Vaani agent (id or name) that will call the contacts.")
    var agent: String

    @Option(help: "Region (ISO 3166 code, e.g. IN) for numbers written without a country code.")
    var region: String?

    @OptionGroup var database: DatabaseOptions

    @Option(help: "A file of numbers never to call (one per line); they join the global do-not-call list.")
    var dnc: String?

    @Option(help: "The header of the phone column, instead of detecting it.")
    var phoneColumn: String?

    @Option(help: "The header of the name column, instead of detecting it.")
    var nameColumn: String?

    func validate() throws {
        if campaign.isEmpty { throw ValidationError("--campaign must not be empty") }
        if agent.isEmpty { throw ValidationError("--agent must not be empty") }
    }

    func run() async throws {
        let importer = ContactImporter(store: try database.open())
        let options = ContactImportOptions(
            campaign: campaign,
            agentID: agent,
            defaultRegion: region,
            phoneColumn: phoneColumn,
            nameColumn: nameColumn,
            doNotCallFile: dnc
        )
        var bar = ProgressBar(isTerminal: isatty(STDOUT_FILENO) == 1)
        let summary: ImportSummary
        do {
            summary = try await importer.importContacts(from: csv, options: options) { bar.update($0) }
        } catch {
            bar.finish()
            let message = database.storeError(for: error)?.description ?? "\(error)"
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            throw ExitCode.failure
        }
        bar.finish()
        let total = try await importer.store.contactCount(ofCampaign: summary.campaign.id)
        print(ImportReport(csv: csv, summary: summary, campaignTotal: total).text, terminator: "")
    }
}
