public import Foundation

/// How a campaign's contacts and calls are distributed, as the store groups them.
public struct CampaignDistributions: Sendable, Hashable {
    /// Placed and answered calls of contacts in one time zone within one quarter hour.
    public struct QuarterHourCalls: Sendable, Hashable {
        /// The contacts' IANA time zone, when known.
        public var timeZone: String?
        /// The quarter hour's start, in quarter hours since 1970 (UTC).
        public var quarterHour: Int64
        /// Calls placed.
        public var placed: Int
        /// Calls answered.
        public var answered: Int

        /// Creates a value.
        public init(timeZone: String?, quarterHour: Int64, placed: Int, answered: Int) {
            self.timeZone = timeZone
            self.quarterHour = quarterHour
            self.placed = placed
            self.answered = answered
        }
    }

    /// Contacts per number of attempts; the last slot counts five or more.
    public var contactsByAttempts: [Int]
    /// Answered calls per duration bucket (one more bucket than bounds).
    public var answeredByDurationBucket: [Int]
    /// Placed calls grouped by time zone and quarter hour.
    public var callsByQuarterHour: [QuarterHourCalls]
    /// When the first attempt started.
    public var firstAttemptAt: Date?
    /// When the last attempt ended (or started, if still open).
    public var lastAttemptAt: Date?

    /// Creates a value.
    public init(
        contactsByAttempts: [Int],
        answeredByDurationBucket: [Int],
        callsByQuarterHour: [QuarterHourCalls],
        firstAttemptAt: Date?,
        lastAttemptAt: Date?
    ) {
        self.contactsByAttempts = contactsByAttempts
        self.answeredByDurationBucket = answeredByDurationBucket
        self.callsByQuarterHour = callsByQuarterHour
        self.firstAttemptAt = firstAttemptAt
        self.lastAttemptAt = lastAttemptAt
    }
}
