public import Foundation

/// The transactional outbox of webhook events: endpoints per campaign, the events written with the
/// changes they report (``JournalEntry/events``, ``DispatchJournal/compareAndSetCampaignState(expected:new:event:)``),
/// and each event's delivery to each endpoint.
public protocol WebhookOutbox: Sendable {
    /// Makes `urls` the campaign's endpoints: new ones are added, listed ones get the given filter (and
    /// are enabled again), and endpoints not listed are disabled (their pending deliveries stop).
    /// - Parameter eventTypes: The event types the endpoints receive; `nil` for every type.
    func setWebhookEndpoints(_ urls: [String], eventTypes: [String]?, ofCampaign campaignID: Int64, now: Date)
        async throws

    /// The campaign's endpoints, enabled or not, in the order they were added.
    func webhookEndpoints(ofCampaign campaignID: Int64) async throws -> [WebhookEndpointRecord]

    /// Writes events outside any other change (a `webhook.test`, a replay): each goes to every enabled
    /// endpoint whose filter takes it, due at `now`. An event id already stored is not written again.
    func recordEvents(_ events: [OutboxEvent], ofCampaign campaignID: Int64, now: Date) async throws

    /// Up to `limit` deliveries of the campaign due at `now`, oldest event first.
    func dueDeliveries(ofCampaign campaignID: Int64, now: Date, limit: Int) async throws -> [PendingDelivery]

    /// When the campaign's next delivery is due, or `nil` when none is pending.
    func nextDeliveryDate(ofCampaign campaignID: Int64) async throws -> Date?

    /// Records one attempt of delivering `eventID` to `endpointID`.
    func recordDelivery(eventID: String, endpointID: Int64, _ record: DeliveryRecord) async throws

    /// Puts the campaign's events (since `since`, of `type`, when given) back in every enabled endpoint's
    /// queue, due at `now`, with the same ids and bodies.
    /// - Returns: How many deliveries were queued.
    func requeueEvents(ofCampaign campaignID: Int64, since: Date?, type: String?, now: Date) async throws -> Int

    /// Delivery counts per endpoint of the campaign.
    func deliveryTotals(ofCampaign campaignID: Int64) async throws -> [WebhookDeliveryTotals]
}
