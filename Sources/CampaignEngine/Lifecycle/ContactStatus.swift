/// Where a contact stands in its campaign, exactly as the store's `contacts.status` column spells it.
///
/// A contact starts `pending`, is `dialing` while its trigger request is in flight, `in_call` once the API
/// has accepted the call, and `unknown` when a trigger failed ambiguously (timeout, 5xx, dropped connection)
/// until the call history says whether the call was placed. `retry_wait` waits for a redial. The other
/// statuses are final.
public enum ContactStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Not dialed yet, or put back after a failure that was not an attempt.
    case pending
    /// An attempt row is committed and the trigger request may be in flight.
    case dialing
    /// The trigger failed in a way that may have placed the call: reconcile before redialing.
    case unknown
    /// The API accepted the call; it is followed until it ends.
    case inCall = "in_call"
    /// A call ended without reaching the person; a redial is due at `next_attempt_at`.
    case retryWait = "retry_wait"
    /// The call connected and ended normally.
    case completed
    /// Nobody answered, on every allowed attempt.
    case noAnswer = "no_answer"
    /// The line was busy, on every allowed attempt.
    case busy
    /// The call failed, on every allowed attempt, or never reached a final status.
    case failed
    /// A voicemail answered, on every allowed attempt.
    case voicemail
    /// The API rejected the number or the request (HTTP 422), or the import found it invalid.
    case invalid
    /// The number is in the Do-Not-Disturb registry (HTTP 403); it is now suppressed.
    case dnd
    /// The number is on the campaign's or the global do-not-call list.
    case suppressed
    /// The campaign was cancelled before this contact was reached.
    case cancelled

    /// Whether nothing more will ever happen to the contact.
    public var isFinal: Bool {
        switch self {
        case .pending, .dialing, .unknown, .inCall, .retryWait: false
        case .completed, .noAnswer, .busy, .failed, .voicemail, .invalid, .dnd, .suppressed, .cancelled: true
        }
    }

    /// Whether the contact may be dialed now or later (`pending` or `retry_wait`).
    public var isDialable: Bool { self == .pending || self == .retryWait }

    /// Whether an attempt of this contact is unfinished: its trigger is in flight or its outcome is unknown.
    public var isUnfinishedAttempt: Bool { self == .dialing || self == .unknown }
}
