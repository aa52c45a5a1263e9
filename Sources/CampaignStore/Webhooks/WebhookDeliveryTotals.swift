/// Delivery counts of one endpoint, with its latest errors.
public struct WebhookDeliveryTotals: Sendable, Hashable {
    /// The endpoint.
    public var endpoint: WebhookEndpointRecord
    /// Events delivered.
    public var delivered: Int
    /// Events still to deliver (due now or later).
    public var pending: Int
    /// Events given up on.
    public var failed: Int
    /// The latest errors, newest first.
    public var lastErrors: [String]

    /// Creates totals.
    public init(endpoint: WebhookEndpointRecord, delivered: Int, pending: Int, failed: Int, lastErrors: [String]) {
        self.endpoint = endpoint
        self.delivered = delivered
        self.pending = pending
        self.failed = failed
        self.lastErrors = lastErrors
    }
}
