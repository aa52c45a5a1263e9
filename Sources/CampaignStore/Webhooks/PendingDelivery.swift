/// One event due to one endpoint.
public struct PendingDelivery: Sendable, Hashable {
    /// The event.
    public var event: OutboxEvent
    /// The endpoint.
    public var endpoint: WebhookEndpointRecord
    /// Attempts made so far.
    public var attempts: Int

    /// Creates a pending delivery.
    public init(event: OutboxEvent, endpoint: WebhookEndpointRecord, attempts: Int) {
        self.event = event
        self.endpoint = endpoint
        self.attempts = attempts
    }
}
