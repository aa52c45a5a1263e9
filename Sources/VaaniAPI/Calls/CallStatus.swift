/// A call's status, as the API names it; values the client does not know are kept as they are.
public struct CallStatus: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The status as the API sends it, e.g. `in_progress`.
    public var rawValue: String

    /// Wraps a status string.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Accepted, not yet dialing.
    public static let queued = CallStatus(rawValue: "queued")
    /// The phone is ringing.
    public static let ringing = CallStatus(rawValue: "ringing")
    /// The contact answered; the conversation is going on.
    public static let inProgress = CallStatus(rawValue: "in_progress")
    /// The conversation ended normally.
    public static let completed = CallStatus(rawValue: "completed")
    /// Nobody answered.
    public static let noAnswer = CallStatus(rawValue: "no_answer")
    /// The line was busy.
    public static let busy = CallStatus(rawValue: "busy")
    /// The call failed.
    public static let failed = CallStatus(rawValue: "failed")
    /// A voicemail answered.
    public static let voicemail = CallStatus(rawValue: "voicemail")

    /// Whether the call is over (completed, no answer, busy, failed or voicemail).
    public var isFinal: Bool {
        [.completed, .noAnswer, .busy, .failed, .voicemail].contains(self)
    }

    /// The raw status.
    public var description: String { rawValue }
}
