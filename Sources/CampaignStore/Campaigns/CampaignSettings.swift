/// How a campaign dials: pace, limits, redial policy and calling hours. Stored as JSON in
/// `campaigns.settings`; keys missing from stored JSON take their defaults, so settings added later
/// keep older databases readable.
public struct CampaignSettings: Sendable, Hashable, Codable {
    /// Maximum API requests in flight at once.
    public var concurrency: Int
    /// Maximum calls placed but not yet ended (the telephony channel limit); `nil` means no limit
    /// beyond ``concurrency``.
    public var maxActiveCalls: Int?
    /// Calls started per second; `0` means as fast as the API allows.
    public var callsPerSecond: Double
    /// Attempts per contact, the first call included.
    public var maxAttempts: Int
    /// How long to wait before redialing, per outcome.
    public var retryDelays: RetryDelays
    /// The local time of day in which a contact may be called; `nil` means at any time.
    public var callingHours: CallingHours?
    /// The local days on which a contact may be called.
    public var callingDays: Set<Weekday>
    /// The IANA time zone for contacts whose zone is unknown or ambiguous; `nil` means UTC.
    public var defaultTimeZone: String?
    /// The caller ID to present (E.164), if the account has several.
    public var outboundNumber: String?
    /// Ask the API to simulate calls without placing them.
    public var testMode: Bool
    /// Seconds to wait for one API request.
    public var requestTimeoutSeconds: Double

    /// Creates settings; every parameter has the product's default.
    ///
    /// - Parameters:
    ///   - concurrency: API requests in flight at once (default 10).
    ///   - maxActiveCalls: Calls placed but not ended at once (default no extra limit).
    ///   - callsPerSecond: Pace (default 0, as fast as allowed).
    ///   - maxAttempts: Attempts per contact (default 3).
    ///   - retryDelays: Redial delays per outcome (default 30 min no answer, 60 min busy,
    ///     120 min failed, 120 min voicemail).
    ///   - callingHours: Allowed local time of day (default none: any time).
    ///   - callingDays: Allowed local days (default every day).
    ///   - defaultTimeZone: Zone for contacts without a known zone (default none: UTC).
    ///   - outboundNumber: Caller ID (default the account's).
    ///   - testMode: Simulate calls (default false).
    ///   - requestTimeoutSeconds: Per-request timeout (default 120 s, the API's).
    public init(
        concurrency: Int = 10,
        maxActiveCalls: Int? = nil,
        callsPerSecond: Double = 0,
        maxAttempts: Int = 3,
        retryDelays: RetryDelays = RetryDelays(),
        callingHours: CallingHours? = nil,
        callingDays: Set<Weekday> = Set(Weekday.allCases),
        defaultTimeZone: String? = nil,
        outboundNumber: String? = nil,
        testMode: Bool = false,
        requestTimeoutSeconds: Double = 120
    ) {
        self.concurrency = concurrency
        self.maxActiveCalls = maxActiveCalls
        self.callsPerSecond = callsPerSecond
        self.maxAttempts = maxAttempts
        self.retryDelays = retryDelays
        self.callingHours = callingHours
        self.callingDays = callingDays
        self.defaultTimeZone = defaultTimeZone
        self.outboundNumber = outboundNumber
        self.testMode = testMode
        self.requestTimeoutSeconds = requestTimeoutSeconds
    }

    private enum CodingKeys: String, CodingKey {
        case concurrency, maxActiveCalls, callsPerSecond, maxAttempts, retryDelays, callingHours, callingDays
        case defaultTimeZone, outboundNumber, testMode, requestTimeoutSeconds
    }

    /// Decodes stored settings, taking the default for every missing key.
    public init(from decoder: any Decoder) throws {
        let defaults = CampaignSettings()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        concurrency = try container.decodeIfPresent(Int.self, forKey: .concurrency) ?? defaults.concurrency
        maxActiveCalls = try container.decodeIfPresent(Int.self, forKey: .maxActiveCalls)
        callsPerSecond = try container.decodeIfPresent(Double.self, forKey: .callsPerSecond) ?? defaults.callsPerSecond
        maxAttempts = try container.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? defaults.maxAttempts
        retryDelays = try container.decodeIfPresent(RetryDelays.self, forKey: .retryDelays) ?? defaults.retryDelays
        callingHours = try container.decodeIfPresent(CallingHours.self, forKey: .callingHours)
        callingDays = try container.decodeIfPresent(Set<Weekday>.self, forKey: .callingDays) ?? defaults.callingDays
        defaultTimeZone = try container.decodeIfPresent(String.self, forKey: .defaultTimeZone)
        outboundNumber = try container.decodeIfPresent(String.self, forKey: .outboundNumber)
        testMode = try container.decodeIfPresent(Bool.self, forKey: .testMode) ?? defaults.testMode
        requestTimeoutSeconds =
            try container.decodeIfPresent(Double.self, forKey: .requestTimeoutSeconds)
            ?? defaults.requestTimeoutSeconds
    }
}

extension CampaignSettings {
    /// Seconds to wait before redialing a contact, per outcome of its last call.
    public struct RetryDelays: Sendable, Hashable, Codable {
        /// After nobody answered.
        public var noAnswerSeconds: Int
        /// After the line was busy.
        public var busySeconds: Int
        /// After the call failed.
        public var failedSeconds: Int
        /// After voicemail answered.
        public var voicemailSeconds: Int

        /// Creates delays; defaults 30, 60, 120 and 120 minutes.
        public init(
            noAnswerSeconds: Int = 30 * 60,
            busySeconds: Int = 60 * 60,
            failedSeconds: Int = 120 * 60,
            voicemailSeconds: Int = 120 * 60
        ) {
            self.noAnswerSeconds = noAnswerSeconds
            self.busySeconds = busySeconds
            self.failedSeconds = failedSeconds
            self.voicemailSeconds = voicemailSeconds
        }
    }

    /// A local time-of-day window, `start` inclusive and `end` exclusive, in minutes after midnight.
    /// A window whose end is before its start runs past midnight.
    public struct CallingHours: Sendable, Hashable, Codable {
        /// Minutes after local midnight when calling may start (0–1439).
        public var startMinute: Int
        /// Minutes after local midnight when calling must stop (0–1440).
        public var endMinute: Int

        /// Creates a window from minutes after midnight.
        public init(startMinute: Int, endMinute: Int) {
            self.startMinute = startMinute
            self.endMinute = endMinute
        }
    }

    /// A day of the week, as written in `--days mon-sat`.
    public enum Weekday: String, Sendable, Hashable, CaseIterable, Codable {
        /// Monday.
        case mon
        /// Tuesday.
        case tue
        /// Wednesday.
        case wed
        /// Thursday.
        case thu
        /// Friday.
        case fri
        /// Saturday.
        case sat
        /// Sunday.
        case sun
    }
}
