public import Foundation

/// One change to one contact (and its attempt), as the engine writes them in batches.
public struct JournalEntry: Sendable, Hashable {
    /// What happens to the contact's attempt row.
    public enum AttemptChange: Sendable, Hashable {
        /// A new attempt (intent) row, committed before the trigger request.
        case start(id: UUID, number: Int, startedAt: Date)
        /// The API accepted the trigger.
        case accepted(id: UUID, callID: String, at: Date)
        /// The trigger failed ambiguously; the error is kept until reconciliation.
        case ambiguous(id: UUID, error: String)
        /// The call ended, or was given up on; the report holds what the API said.
        case ended(id: UUID, outcome: String, report: CallReport?, error: String?, at: Date)
        /// The attempt placed nothing (429, 402, 401, no connection, or reconciliation found no call):
        /// its row is removed and it does not count.
        case discard(id: UUID)
    }

    /// The contact.
    public var contactID: Int64
    /// Its new status.
    public var status: ContactStatus
    /// Its new attempt count.
    public var attempts: Int
    /// When it is next due, if waiting.
    public var nextAttemptAt: Date?
    /// Why it ended as it did, if it did.
    public var lastError: String?
    /// The attempt change, if any.
    public var attempt: AttemptChange?
    /// A number to add to the do-not-call list, with the reason.
    public var suppress: (number: String, reason: String)?
    /// Webhook events that report this change, written to the outbox in the same transaction.
    public var events: [OutboxEvent]

    /// Creates an entry.
    public init(
        contactID: Int64,
        status: ContactStatus,
        attempts: Int,
        nextAttemptAt: Date? = nil,
        lastError: String? = nil,
        attempt: AttemptChange? = nil,
        suppress: (number: String, reason: String)? = nil,
        events: [OutboxEvent] = []
    ) {
        self.contactID = contactID
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.attempt = attempt
        self.suppress = suppress
        self.events = events
    }

    /// Entries are equal when every field is.
    public static func == (lhs: JournalEntry, rhs: JournalEntry) -> Bool {
        lhs.contactID == rhs.contactID && lhs.status == rhs.status && lhs.attempts == rhs.attempts
            && lhs.nextAttemptAt == rhs.nextAttemptAt && lhs.lastError == rhs.lastError && lhs.attempt == rhs.attempt
            && lhs.suppress?.number == rhs.suppress?.number && lhs.suppress?.reason == rhs.suppress?.reason
            && lhs.events == rhs.events
    }

    /// Hashes every field.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(contactID)
        hasher.combine(status)
        hasher.combine(attempts)
        hasher.combine(nextAttemptAt)
        hasher.combine(lastError)
        hasher.combine(attempt)
        hasher.combine(suppress?.number)
        hasher.combine(suppress?.reason)
        hasher.combine(events)
    }
}
