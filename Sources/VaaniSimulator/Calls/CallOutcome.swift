/// How a simulated call ends, drawn at trigger time.
enum CallOutcome: UInt8, Sendable, CaseIterable {
    case completed
    case noAnswer
    case busy
    case failed
    case voicemail

    /// The final `call_status` of the contract.
    var finalStatus: String {
        switch self {
        case .completed: "completed"
        case .noAnswer: "no_answer"
        case .busy: "busy"
        case .failed: "failed"
        case .voicemail: "voicemail"
        }
    }

    /// Whether somebody (or a mailbox) picked up, so that talk time is billed and recorded.
    var connects: Bool { self == .completed || self == .voicemail }
}
