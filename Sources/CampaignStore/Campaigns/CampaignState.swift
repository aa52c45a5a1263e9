/// Where a campaign is, with the reason when it is paused: the value the stores keep in a campaign's
/// status and pause reason, and the engine's ``CampaignStatus`` plus its cause.
public enum CampaignState: Sendable, Hashable {
    /// Why a campaign is paused.
    public enum PauseReason: String, Sendable, Hashable, CaseIterable {
        /// Someone ran `vaani-dialer pause`.
        case user = "paused by user"
        /// The API answered 402: the wallet must be topped up.
        case insufficientBalance = "insufficient balance"
        /// The API answered 401: the API key must be fixed.
        case authentication = "API key refused"

        /// The reason for a stored `pause_reason` text; unknown texts count as a user pause.
        /// - Parameter text: The stored text.
        public init(storedText text: String?) {
            self = PauseReason.allCases.first { $0.rawValue == text } ?? .user
        }
    }

    /// Never run, or stopped cleanly with work left.
    case ready
    /// A runner is dialing.
    case running
    /// Stopped until someone resumes it.
    case paused(PauseReason)
    /// Every contact is final.
    case completed
    /// Stopped for good.
    case cancelled

    /// The state of a stored status and pause reason.
    /// - Parameters:
    ///   - status: The stored status.
    ///   - pauseReason: The stored pause reason, read only when paused.
    public init(status: CampaignStatus, pauseReason: String?) {
        switch status {
        case .ready: self = .ready
        case .running: self = .running
        case .paused: self = .paused(PauseReason(storedText: pauseReason))
        case .completed: self = .completed
        case .cancelled: self = .cancelled
        }
    }

    /// The status column's value.
    public var status: CampaignStatus {
        switch self {
        case .ready: .ready
        case .running: .running
        case .paused: .paused
        case .completed: .completed
        case .cancelled: .cancelled
        }
    }

    /// The pause reason column's value: the reason's text when paused, else `nil`.
    public var pauseReason: String? {
        if case .paused(let reason) = self { reason.rawValue } else { nil }
    }

    /// The status as shown to users: `paused: insufficient balance`.
    public var description: String {
        switch self {
        case .ready: "ready"
        case .running: "running"
        case .paused(let reason): "paused: \(reason.rawValue)"
        case .completed: "completed"
        case .cancelled: "cancelled"
        }
    }
}
