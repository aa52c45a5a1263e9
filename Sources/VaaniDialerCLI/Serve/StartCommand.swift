import ArgumentParser
import CampaignEngine
import CampaignService
import CampaignStore
import Foundation

/// `vaani-dialer start NAME [run options]`: stores the campaign's settings and marks it running, for a
/// `vaani-dialer serve` on the same database to dial.
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Mark a campaign running, with these settings, for `vaani-dialer serve` to dial.",
        discussion: """
            Settings resolve as for `run`: the campaign's stored settings, then campaigns/NAME.json (or \
            --campaign-file), then the options given here; they are saved on the campaign. A serve on the same \
            database picks the campaign up within a second. Pause with `vaani-dialer pause NAME`.
            """
    )

    @Argument(help: "The campaign's name.")
    var name: String

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: RunOptions

    func run() async throws {
        do {
            let store = try database.openExisting()
            guard let campaign = try await store.campaign(named: name) else {
                throw ValidationError("No campaign named \"\(name)\" in \(database.resolvedPath). Import contacts first.")
            }
            let settings = try CampaignRun(name: name, database: database, options: options).resolveSettings(campaign)
                .storedSettings(keeping: campaign.settings)
            let change = try await CampaignControl(store: store).start(campaign: name, settings: settings)
            let was = change.changed ? " (was \(change.previous.description))" : ""
            print(
                "Campaign \(name) is running\(was): a `vaani-dialer serve --db \(database.resolvedPath)` dials it. "
                    + "Pause with: vaani-dialer pause \(name)")
        } catch let error as CampaignControlError {
            throw ValidationError(error.description)
        } catch let error where !(error is ValidationError) && !(error is ExitCode) {
            guard let storeError = database.storeError(for: error) else { throw error }
            FileHandle.standardError.write(Data("error: \(storeError)\n".utf8))
            throw ExitCode.failure
        }
    }
}
