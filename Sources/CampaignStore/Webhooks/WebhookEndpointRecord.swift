public import Foundation

/// A webhook endpoint of a campaign as the store keeps it: its URL, which events it receives, and
/// whether it still receives any.
public struct WebhookEndpointRecord: Sendable, Hashable {
    /// The endpoint's id.
    public var id: Int64
    /// The campaign.
    public var campaignID: Int64
    /// The URL events are posted to.
    public var url: String
    /// The event types it receives; `nil` for every type.
    public var eventTypes: [String]?
    /// When it stopped receiving events (a 410 answer, or removed from the campaign), if it did.
    public var disabledAt: Date?
    /// Why it stopped.
    public var disabledReason: String?

    /// Creates a record.
    public init(
        id: Int64,
        campaignID: Int64,
        url: String,
        eventTypes: [String]? = nil,
        disabledAt: Date? = nil,
        disabledReason: String? = nil
    ) {
        self.id = id
        self.campaignID = campaignID
        self.url = url
        self.eventTypes = eventTypes
        self.disabledAt = disabledAt
        self.disabledReason = disabledReason
    }

    /// Whether the endpoint receives events of `type`.
    public func receives(_ type: String) -> Bool {
        disabledAt == nil && (eventTypes?.contains(type) ?? true)
    }
}
