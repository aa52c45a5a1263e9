public import CampaignStore

extension ContactStatus {
    /// Whether the contact may be dialed now or later (`pending` or `retry_wait`).
    public var isDialable: Bool { self == .pending || self == .retryWait }

    /// Whether an attempt of this contact is unfinished: its trigger is in flight or its outcome is unknown.
    public var isUnfinishedAttempt: Bool { self == .dialing || self == .unknown }
}
