/// One event ready to send: its id and its exact body. What the outbox stores, so that every
/// delivery of an event, however late, sends the same bytes under the same id.
public struct WebhookMessage: Sendable, Hashable {
    /// The event's id, sent as `webhook-id`.
    public var id: String
    /// The event's type, for logs and filters (`call.ended`).
    public var type: String
    /// The request body, sent and signed as it is.
    public var body: [UInt8]

    /// Creates a message, for example from a stored outbox row.
    /// - Parameters:
    ///   - id: The event's id.
    ///   - type: The event's type.
    ///   - body: The body bytes.
    public init(id: String, type: String, body: [UInt8]) {
        self.id = id
        self.type = type
        self.body = body
    }
}
