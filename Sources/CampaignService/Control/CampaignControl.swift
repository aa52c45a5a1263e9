public import CampaignEngine
public import CampaignStore
import Foundation

/// Changes the state of a campaign from outside its runner: start, resume, pause and cancel, as
/// `vaani-dialer start|pause|cancel` and the server's API and dashboard do. One implementation for all.
///
/// Every change goes through the campaign's journal by compare-and-set, so a runner's own change (it
/// may just have completed) and a change from another process never overwrite each other; a running
/// runner reads the stored state back within a second and stops starting calls.
///
/// ```swift
/// let control = CampaignControl(store: store)
/// let change = try await control.pause(campaign: "renewals")
/// print(change.current.description) // "paused: paused by user"
/// ```
public struct CampaignControl: Sendable {
    /// The store the campaigns live in.
    public let store: any DialerStore

    /// How many times a change is read and tried again when the state keeps changing under it.
    static let attempts = 10

    /// Creates a control over `store`.
    /// - Parameter store: The product's store.
    public init(store: any DialerStore) {
        self.store = store
    }

    /// Marks a campaign `running`, the state in which `vaani-dialer serve` dials it, storing `settings`
    /// first when given. A paused or ready campaign starts; a running one stays so.
    /// - Parameters:
    ///   - name: The campaign's name.
    ///   - settings: Settings to store before the campaign is marked running.
    /// - Throws: ``CampaignControlError`` for an unknown, completed or cancelled campaign.
    @discardableResult
    public func start(campaign name: String, settings: CampaignSettings? = nil) async throws -> CampaignStateChange {
        let campaign = try await find(name)
        if let settings {
            // Settings are stored only on a campaign that may start.
            var probe = CampaignLifecycle(state: CampaignState(status: campaign.status, pauseReason: campaign.pauseReason))
            if case .refuse(let reason) = probe.start() {
                throw CampaignControlError.refused(campaign: name, action: "start", reason: reason)
            }
            try await store.updateSettings(settings, ofCampaign: campaign.id, now: Date())
        }
        return try await change(campaign, action: "start") { $0.start() }
    }

    /// Marks a paused (or ready) campaign `running` again; the same transition as ``start(campaign:settings:)``
    /// without new settings.
    /// - Parameter name: The campaign's name.
    /// - Throws: ``CampaignControlError`` for an unknown, completed or cancelled campaign.
    @discardableResult
    public func resume(campaign name: String) async throws -> CampaignStateChange {
        try await change(try await find(name), action: "resume") { $0.start() }
    }

    /// Pauses a campaign: its runner stops starting calls within a second and finishes the calls in flight.
    /// - Parameter name: The campaign's name.
    /// - Throws: ``CampaignControlError`` for an unknown, completed or cancelled campaign.
    @discardableResult
    public func pause(campaign name: String) async throws -> CampaignStateChange {
        try await change(try await find(name), action: "pause") { $0.pause(.user) }
    }

    /// Cancels a campaign for good: no more calls, and every contact still waiting becomes `cancelled`.
    /// - Parameter name: The campaign's name.
    /// - Returns: The change, with ``CampaignStateChange/cancelledContacts`` set.
    /// - Throws: ``CampaignControlError`` for an unknown or completed campaign.
    @discardableResult
    public func cancel(campaign name: String) async throws -> CampaignStateChange {
        let campaign = try await find(name)
        var change = try await change(campaign, action: "cancel") { $0.cancel() }
        if change.changed {
            // Once cancelled the campaign never runs again, so its waiting contacts can follow.
            change.cancelledContacts = try await store.journal(ofCampaign: campaign.id).cancelWaitingContacts()
        }
        return change
    }

    /// Applies `transition` to the stored state and stores the result by compare-and-set, reading again
    /// when a runner changed the state meanwhile.
    /// - Parameters:
    ///   - journal: The campaign's journal.
    ///   - name: The campaign's name, for messages.
    ///   - action: The action's verb, for messages.
    ///   - transition: The lifecycle event.
    /// - Throws: ``CampaignControlError/refused(campaign:action:reason:)`` when the lifecycle refuses,
    ///   ``CampaignControlError/contended(campaign:)`` when the state kept changing.
    public static func change(
        _ journal: any DispatchJournal,
        campaign name: String,
        action: String,
        _ transition: (inout CampaignLifecycle) -> CampaignLifecycle.Action
    ) async throws -> CampaignStateChange {
        for _ in 0..<attempts {
            let stored = try await journal.campaignState()
            var lifecycle = CampaignLifecycle(state: stored)
            if case .refuse(let reason) = transition(&lifecycle) {
                throw CampaignControlError.refused(campaign: name, action: action, reason: reason)
            }
            if lifecycle.state == stored {
                return CampaignStateChange(campaign: name, previous: stored, current: stored)
            }
            if try await journal.compareAndSetCampaignState(expected: stored, new: lifecycle.state) {
                return CampaignStateChange(campaign: name, previous: stored, current: lifecycle.state)
            }
        }
        throw CampaignControlError.contended(campaign: name)
    }

    private func change(
        _ campaign: Campaign,
        action: String,
        _ transition: (inout CampaignLifecycle) -> CampaignLifecycle.Action
    ) async throws -> CampaignStateChange {
        try await Self.change(store.journal(ofCampaign: campaign.id), campaign: campaign.name, action: action, transition)
    }

    private func find(_ name: String) async throws -> Campaign {
        guard let campaign = try await store.campaign(named: name) else {
            throw CampaignControlError.unknownCampaign(name)
        }
        return campaign
    }
}
