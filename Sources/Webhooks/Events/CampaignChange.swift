/// A change in a campaign's life that the `campaign.*` events report.
public enum CampaignChange: Sendable, Hashable {
    /// The campaign began dialing for the first time: `campaign.started`.
    case started
    /// The campaign stopped until resumed: `campaign.paused`.
    case paused(CampaignPauseReason)
    /// The campaign dials again: `campaign.resumed`.
    case resumed
    /// Every contact is final: `campaign.completed`.
    case completed
    /// The campaign was stopped for good: `campaign.cancelled`.
    case cancelled

    /// The event type that reports the change.
    public var eventType: WebhookEventType {
        switch self {
        case .started: .campaignStarted
        case .paused: .campaignPaused
        case .resumed: .campaignResumed
        case .completed: .campaignCompleted
        case .cancelled: .campaignCancelled
        }
    }
}
