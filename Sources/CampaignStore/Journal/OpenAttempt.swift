public import Foundation

/// An attempt that has not reached its end, with its contact.
public struct OpenAttempt: Sendable, Hashable {
    /// The contact.
    public var contact: DueContact
    /// The attempt id (also the idempotency key).
    public var attemptID: UUID
    /// When the attempt was committed.
    public var startedAt: Date
    /// The call id, once known.
    public var callID: String?

    /// Creates an open attempt.
    public init(contact: DueContact, attemptID: UUID, startedAt: Date, callID: String? = nil) {
        self.contact = contact
        self.attemptID = attemptID
        self.startedAt = startedAt
        self.callID = callID
    }
}
