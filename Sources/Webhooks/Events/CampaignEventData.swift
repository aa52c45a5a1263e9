/// The `data` of the `campaign.*` events: the campaign, and for `campaign.paused` the reason.
public struct CampaignEventData: Sendable, Hashable, Codable {
    /// The campaign.
    public var campaign: WebhookCampaign
    /// Why the campaign paused; only `campaign.paused` has one.
    public var reason: CampaignPauseReason?

    /// Creates the data of a campaign event.
    /// - Parameters:
    ///   - campaign: The campaign.
    ///   - reason: Why it paused, for `campaign.paused`.
    public init(campaign: WebhookCampaign, reason: CampaignPauseReason? = nil) {
        self.campaign = campaign
        self.reason = reason
    }
}
