/// The `data` of an event, by kind.
public enum WebhookEventData: Sendable, Hashable {
    /// `call.ended`.
    case callEnded(CallEndedData)
    /// `contact.finalized`.
    case contactFinalized(ContactFinalizedData)
    /// `campaign.started`, `campaign.paused`, `campaign.resumed`, `campaign.completed`,
    /// `campaign.cancelled`.
    case campaign(CampaignEventData)
    /// `webhook.test`.
    case test(TestEventData)

    /// The campaign the event belongs to.
    public var campaign: WebhookCampaign {
        switch self {
        case .callEnded(let data): data.campaign
        case .contactFinalized(let data): data.campaign
        case .campaign(let data): data.campaign
        case .test(let data): data.campaign
        }
    }

    /// The contact's sequence number, for the events about one contact.
    public var sequence: Int? {
        switch self {
        case .callEnded(let data): data.sequence
        case .contactFinalized(let data): data.sequence
        case .campaign, .test: nil
        }
    }
}
