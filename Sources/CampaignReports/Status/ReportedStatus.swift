public import CampaignStore

/// A contact's state in the words reports show users: its final outcome, or where it stands now.
public enum ReportedStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// The call connected and completed.
    case completed
    /// Nobody answered, attempts exhausted.
    case noAnswer = "no_answer"
    /// Busy, attempts exhausted.
    case busy
    /// The call failed, attempts exhausted.
    case failed
    /// Voicemail answered, attempts exhausted.
    case voicemail
    /// The API refused the number or the request.
    case invalid
    /// The number is in the Do-Not-Disturb registry.
    case dnd
    /// The number is on the do-not-call list.
    case suppressed
    /// A trigger request may or may not have placed a call; the next run reconciles it.
    case unknown
    /// Still to be called: not dialed yet, in a call, or waiting for a redial.
    case pending
    /// The campaign was cancelled before this contact finished.
    case cancelled

    /// The reported word for a stored contact state. A contact whose trigger request is in flight
    /// (`dialing`) shows as `unknown`, because whether a call was placed is not known yet; one in a
    /// call or waiting for a redial shows as `pending`.
    public init(_ status: ContactStatus) {
        switch status {
        case .pending, .inCall, .retryWait: self = .pending
        case .dialing, .unknown: self = .unknown
        case .completed: self = .completed
        case .noAnswer: self = .noAnswer
        case .busy: self = .busy
        case .failed: self = .failed
        case .voicemail: self = .voicemail
        case .invalid: self = .invalid
        case .dnd: self = .dnd
        case .suppressed: self = .suppressed
        case .cancelled: self = .cancelled
        }
    }

    /// The reported word for stored status text; text this version does not know is `nil`.
    init?(storedText: String) {
        guard let status = ContactStatus(rawValue: storedText) else { return nil }
        self.init(status)
    }
}
