import ArgumentParser
import CampaignEngine
import CampaignStore
import Foundation

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
        let (journal, campaign) = try await CampaignControl.open(name, database)
        try await CampaignControl.change(campaign, journal) { lifecycle in
            if case .refuse(let reason) = lifecycle.pause(.user) { throw ValidationError("Cannot pause \(name): \(reason).") }
        }
        print("Campaign \(name) paused. A running `vaani-dialer run` stops starting calls. To continue: vaani-dialer resume \(name)")
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
        let (journal, campaign) = try await CampaignControl.open(name, database)
        var alreadyCancelled = false
        try await CampaignControl.change(campaign, journal) { lifecycle in
            switch lifecycle.cancel() {
            case .refuse(let reason): throw ValidationError("Cannot cancel \(name): \(reason).")
            case .none: alreadyCancelled = true
            default: break
            }
        }
        if alreadyCancelled {
            print("Campaign \(name) was already cancelled.")
            return
        }
        // Once cancelled the campaign never runs again, so its waiting contacts can follow.
        let cancelled = try await journal.cancelWaitingContacts()
        print("Campaign \(name) cancelled; \(cancelled) waiting contacts will not be called. Calls in progress are followed by a running runner.")
    }
}

/// Opens a campaign's journal for the control commands.
enum CampaignControl {
    /// Applies `transition` to the stored state and stores the result by compare-and-set, reading
    /// again when a runner changed the state meanwhile (it may just have completed). The change's
    /// `campaign.*` webhook event is written in the same transaction, only if the change commits.
    static func change(
        _ campaign: Campaign,
        _ journal: any DispatchJournal,
        _ transition: (inout CampaignLifecycle) throws -> Void
    ) async throws {
        let namespace = try await journal.attemptNamespace()
        for _ in 0..<10 {
            let stored = try await journal.campaignState()
            var lifecycle = CampaignLifecycle(state: stored)
            try transition(&lifecycle)
            if lifecycle.state == stored { return }
            let event = OutboxEvents.campaignStateChange(
                from: stored, to: lifecycle.state, startedBefore: true,
                campaignID: campaign.id, campaignName: campaign.name, namespace: namespace, at: Date()
            )
            if let event {
                if try await journal.compareAndSetCampaignState(expected: stored, new: lifecycle.state, event: event) {
                    return
                }
            } else if try await journal.compareAndSetCampaignState(expected: stored, new: lifecycle.state) {
                return
            }
        }
        throw ValidationError("The state of campaign \(campaign.name) kept changing while it was being changed; try again.")
    }

    static func open(_ name: String, _ database: DatabaseOptions) async throws -> (any DispatchJournal, Campaign) {
        let store = try database.openExisting()
        guard let campaign = try await store.campaign(named: name) else {
            throw ValidationError("No campaign named \"\(name)\" in \(database.resolvedPath).")
        }
        return (store.journal(ofCampaign: campaign.id), campaign)
    }
}
