/// The `data` of a `webhook.test` event.
public struct TestEventData: Sendable, Hashable, Codable {
    /// The campaign whose endpoint is tested.
    public var campaign: WebhookCampaign
    /// A sentence saying what the delivery is.
    public var message: String

    /// Creates the data of a test event.
    /// - Parameters:
    ///   - campaign: The campaign.
    ///   - message: What the delivery is.
    public init(
        campaign: WebhookCampaign,
        message: String = "A test delivery from vaani-dialer: the endpoint and its secret work."
    ) {
        self.campaign = campaign
        self.message = message
    }
}
