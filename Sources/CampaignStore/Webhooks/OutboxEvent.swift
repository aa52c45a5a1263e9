public import Foundation

/// An event for the campaign's webhook endpoints, written to the outbox in the same transaction as the
/// change it reports, and delivered from there at least once with exactly these bytes.
public struct OutboxEvent: Sendable, Hashable {
    /// The event's stable id (the same event always has the same id), sent as `webhook-id`.
    public var id: String
    /// The event's type, e.g. `call.ended`.
    public var type: String
    /// The contact the event is about, if any.
    public var contactID: Int64?
    /// When the event happened.
    public var occurredAt: Date
    /// The request body, sent and signed as it is.
    public var body: [UInt8]

    /// Creates an event.
    public init(id: String, type: String, contactID: Int64? = nil, occurredAt: Date, body: [UInt8]) {
        self.id = id
        self.type = type
        self.contactID = contactID
        self.occurredAt = occurredAt
        self.body = body
    }
}
