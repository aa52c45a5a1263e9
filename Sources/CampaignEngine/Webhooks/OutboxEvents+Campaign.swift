public import CampaignStore
public import Foundation
import Webhooks

extension OutboxEvents {
    /// The `campaign.*` event that reports a change of the campaign's state, or `nil` when the change
    /// is not reported (no change; a run that stops idle or interrupted goes back to `ready` quietly).
    ///
    /// - `ready` → `running`: `campaign.started` the first time, `campaign.resumed` after that;
    /// - `paused` → `running`: `campaign.resumed`;
    /// - → `paused`: `campaign.paused` with the reason (`insufficient_balance`, `api_key_refused`, `by_user`);
    /// - → `completed`: `campaign.completed`; → `cancelled`: `campaign.cancelled`.
    ///
    /// Write it with the change:
    /// ```swift
    /// let event = OutboxEvents.campaignStateChange(
    ///     from: stored, to: .running, startedBefore: false,
    ///     campaignID: id, campaignName: name, namespace: namespace, at: Date()
    /// )
    /// if let event { try await journal.compareAndSetCampaignState(expected: stored, new: .running, event: event) }
    /// ```
    /// - Parameters:
    ///   - old: The stored state the change starts from.
    ///   - new: The state it sets.
    ///   - startedBefore: Whether the campaign ran before (any contact was attempted), which makes a
    ///     start from `ready` a `campaign.resumed`.
    ///   - campaignID: The campaign's row id.
    ///   - campaignName: The campaign's name.
    ///   - namespace: The campaign's attempt namespace.
    ///   - time: When the change happens; it identifies the event.
    public static func campaignStateChange(
        from old: CampaignState,
        to new: CampaignState,
        startedBefore: Bool,
        campaignID: Int64,
        campaignName: String,
        namespace: String,
        at time: Date
    ) -> OutboxEvent? {
        guard old != new, let change = change(from: old, to: new, startedBefore: startedBefore) else { return nil }
        let campaign = WebhookCampaign(id: campaignID, name: campaignName)
        return outboxEvent(.campaign(change, campaign: campaign, namespace: namespace, at: time))
    }

    static func change(from old: CampaignState, to new: CampaignState, startedBefore: Bool) -> CampaignChange? {
        switch new {
        case .ready:
            return nil
        case .running:
            if case .paused = old { return .resumed }
            if old == .ready { return startedBefore ? .resumed : .started }
            return nil
        case .paused(let reason):
            return .paused(pauseReason(reason))
        case .completed:
            return .completed
        case .cancelled:
            return .cancelled
        }
    }

    /// The reason as `campaign.paused` carries it.
    static func pauseReason(_ reason: CampaignState.PauseReason) -> CampaignPauseReason {
        switch reason {
        case .user: .byUser
        case .insufficientBalance: .insufficientBalance
        case .authentication: .apiKeyRefused
        }
    }
}
