/// Where a contact is in its life. Stored as text in `contacts.status` (the schema's CHECK lists
/// the same values).
public enum ContactStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Imported, not dialed yet.
    case pending
    /// An attempt row is committed and the trigger request is being sent.
    case dialing
    /// The trigger's outcome is ambiguous (timeout, 5xx, dropped connection): reconcile before redialing.
    case unknown
    /// The call was placed and has not ended.
    case inCall = "in_call"
    /// The last call ended without success; the next attempt is due at `next_attempt_at`.
    case retryWait = "retry_wait"
    /// Final: the call connected and completed.
    case completed
    /// Final: nobody answered, attempts exhausted.
    case noAnswer = "no_answer"
    /// Final: busy, attempts exhausted.
    case busy
    /// Final: the call failed, attempts exhausted.
    case failed
    /// Final: voicemail answered, attempts exhausted.
    case voicemail
    /// Final: the API refused the number or request (422).
    case invalid
    /// Final: the destination is in the Do-Not-Disturb registry (403).
    case dnd
    /// Final: the number entered the do-not-call list after import.
    case suppressed
    /// Final: the campaign was cancelled before this contact finished.
    case cancelled

    /// Whether the contact will not be dialed again.
    public var isFinal: Bool {
        switch self {
        case .pending, .dialing, .unknown, .inCall, .retryWait: false
        case .completed, .noAnswer, .busy, .failed, .voicemail, .invalid, .dnd, .suppressed, .cancelled: true
        }
    }
}
