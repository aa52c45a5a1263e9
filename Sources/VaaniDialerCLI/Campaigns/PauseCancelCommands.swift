import ArgumentParser
import CampaignService
import CampaignStore

/// `vaani-dialer pause NAME`: asks a running campaign to stop starting calls (from another terminal).
struct PauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Pause a campaign: its runner stops starting calls within a second; resume continues it."
    )

    @Argument(help: "The campaign's name.")
    var name: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await CampaignControlCommand.perform(name, database) { control in
            _ = try await control.pause(campaign: name)
            print(
                "Campaign \(name) paused. A running `vaani-dialer run` or `serve` stops starting calls. "
                    + "To continue: vaani-dialer resume \(name)")
        }
    }
}

/// `vaani-dialer cancel NAME`: ends a campaign for good; waiting contacts become `cancelled`.
struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a campaign for good: no more calls; contacts still waiting end as cancelled."
    )

    @Argument(help: "The campaign's name.")
    var name: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await CampaignControlCommand.perform(name, database) { control in
            let change = try await control.cancel(campaign: name)
            if !change.changed {
                print("Campaign \(name) was already cancelled.")
                return
            }
            print(
                "Campaign \(name) cancelled; \(change.cancelledContacts) waiting contacts will not be called. "
                    + "Calls in progress are followed by a running runner.")
        }
    }
}

/// What the pause and cancel commands share: the store, the messages of the control's refusals, and
/// the store's failures in words.
enum CampaignControlCommand {
    static func perform(
        _ name: String,
        _ database: DatabaseOptions,
        _ body: (CampaignControl) async throws -> Void
    ) async throws {
        do {
            try await body(CampaignControl(store: try database.openExisting()))
        } catch let error as CampaignControlError {
            if error.code == "campaign_not_found" {
                throw ValidationError("No campaign named \"\(name)\" in \(database.resolvedPath).")
            }
            throw ValidationError(error.description)
        }
    }
}
