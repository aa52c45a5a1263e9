public import CampaignStore
import Foundation

/// How a placed call ended, from its final `call_status`.
public enum CallOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// The call connected and ended normally.
    case completed
    /// Nobody answered.
    case noAnswer = "no_answer"
    /// The line was busy.
    case busy
    /// The call failed in the network or the agent.
    case failed
    /// A voicemail answered.
    case voicemail

    /// The outcome for a final `call_status`, or `nil` while the call is still going
    /// (`queued`, `ringing`, `in_progress`) or the status is not one the contract names.
    ///
    /// - Parameter callStatus: The API's `call_status`, e.g. `no_answer` (`no-answer` is accepted too).
    public init?(callStatus: String) {
        let normalized = callStatus.lowercased().replacingOccurrences(of: "-", with: "_")
        switch normalized {
        case "completed", "ended", "answered": self = .completed
        case "no_answer", "noanswer", "unanswered", "missed": self = .noAnswer
        case "busy": self = .busy
        case "failed", "error", "canceled", "cancelled", "rejected": self = .failed
        case "voicemail", "machine": self = .voicemail
        default: return nil
        }
    }

    /// The contact status a contact ends in when this outcome is its last.
    public var finalStatus: ContactStatus {
        switch self {
        case .completed: .completed
        case .noAnswer: .noAnswer
        case .busy: .busy
        case .failed: .failed
        case .voicemail: .voicemail
        }
    }
}
