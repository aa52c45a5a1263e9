public import Foundation

/// Everything that shapes how the engine dials a campaign, validated and in the engine's own types. It is
/// built from the settings stored on the campaign, then a campaign file's and the command line's
/// overrides are applied on top.
///
/// ```swift
/// var settings = EngineConfiguration()
/// settings.rate = 20
/// settings.callingHours = try CallingHours(parsingHours: "09:00-21:00", days: "mon-sat")
/// ```
public struct EngineConfiguration: Sendable, Hashable {
    /// The most trigger requests in flight at once (`--concurrency`).
    public var concurrency: Int
    /// The most calls placed but not yet ended, the telephony channel limit; 0 means no limit
    /// (`--max-active`).
    public var maxActive: Int
    /// Calls started per second; 0 means as fast as the API allows (`--rate`).
    public var rate: Double
    /// Redials per outcome and the attempt limit (`--max-attempts`, `--retry-delay`).
    public var redial: RedialPolicy
    /// The calling window in each contact's local time; `nil` calls at any hour (`--calling-hours`, `--days`).
    public var callingHours: CallingHours?
    /// The time zone for numbers whose zone is unknown or ambiguous (`--timezone`); UTC when `nil`.
    public var defaultTimeZone: TimeZone?
    /// The caller ID sent with each call (`--outbound-number`).
    public var outboundNumber: String?
    /// Asks the API to simulate calls without placing them (`--test-mode`).
    public var testMode: Bool
    /// The longest one API request may take (`--request-timeout`).
    public var requestTimeout: Duration
    /// The longest a placed call is followed before it is recorded as having no final status
    /// (`--call-timeout`).
    public var callTimeout: Duration
    /// How often calls in progress are looked up (`--poll-interval`).
    public var pollInterval: Duration
    /// With a value, an empty wallet does not stop the run: it probes with one contact at growing
    /// intervals for up to this long (`--wait-for-balance`).
    public var waitForBalance: Duration?
    /// How long after an ambiguous answer (a timeout, a 5xx, a dropped connection, a crash mid-request) the
    /// call history must still show no call before the attempt counts as having placed nothing and the
    /// contact is dialed again. A request can reach the API well after the client gave up on it; the
    /// grace gives it time to appear.
    public var reconcileGrace: Duration
    /// The most calls followed at once (placed, or ambiguous, and not yet ended), whatever ``maxActive``
    /// allows: dispatch waits when calls are placed faster than the history shows them ending, so memory
    /// stays flat however large the campaign.
    public var maxFollowed: Int

    /// The most calls in flight, placed or ambiguous at once: the channel limit when one is set, and never
    /// more than can be followed — when calls are placed faster than the history shows them ending,
    /// dispatch waits for the polls to catch up, which keeps memory and history scans bounded.
    public var activeLimit: Int { maxActive > 0 ? min(maxActive, maxFollowed) : maxFollowed }

    /// Creates settings; every parameter has the product's default.
    /// - Parameters:
    ///   - concurrency: Trigger requests in flight at once (default 16).
    ///   - maxActive: Calls placed and not yet ended; 0 for no limit (default 0).
    ///   - rate: Calls per second; 0 for as fast as allowed (default 10).
    ///   - redial: The redial policy (default 3 attempts, 30/60/120/120 minutes).
    ///   - callingHours: The calling window (default none).
    ///   - defaultTimeZone: The fallback time zone (default UTC).
    ///   - outboundNumber: The caller ID (default the account's).
    ///   - testMode: Simulated calls (default off).
    ///   - requestTimeout: Per-request timeout (default 30 s).
    ///   - callTimeout: Bound on following a call (default 2 h).
    ///   - pollInterval: Interval between lookups of calls in progress (default 2 s).
    ///   - waitForBalance: How long to wait for a top-up (default: do not wait).
    ///   - reconcileGrace: How long an ambiguous attempt waits before it may count as not placed (default 10 s).
    ///   - maxFollowed: The most calls followed at once, whatever the channel limit (default 10,000).
    public init(
        concurrency: Int = 16,
        maxActive: Int = 0,
        rate: Double = 10,
        redial: RedialPolicy = RedialPolicy(),
        callingHours: CallingHours? = nil,
        defaultTimeZone: TimeZone? = nil,
        outboundNumber: String? = nil,
        testMode: Bool = false,
        requestTimeout: Duration = .seconds(30),
        callTimeout: Duration = .seconds(2 * 3600),
        pollInterval: Duration = .seconds(2),
        waitForBalance: Duration? = nil,
        reconcileGrace: Duration = .seconds(10),
        maxFollowed: Int = 10_000
    ) {
        self.concurrency = concurrency
        self.maxActive = maxActive
        self.rate = rate
        self.redial = redial
        self.callingHours = callingHours
        self.defaultTimeZone = defaultTimeZone
        self.outboundNumber = outboundNumber
        self.testMode = testMode
        self.requestTimeout = requestTimeout
        self.callTimeout = callTimeout
        self.pollInterval = pollInterval
        self.waitForBalance = waitForBalance
        self.reconcileGrace = reconcileGrace
        self.maxFollowed = max(1, maxFollowed)
    }

    /// The time zone used for contacts whose own is unknown.
    public var fallbackTimeZone: TimeZone { defaultTimeZone ?? TimeZone(identifier: "UTC") ?? .current }

    /// These settings with every value that `overrides` sets replaced.
    /// - Parameter overrides: Values from a campaign file or the command line.
    /// - Throws: ``CampaignSettingsError`` when a value is out of range.
    public func applying(_ overrides: SettingsOverrides) throws -> EngineConfiguration {
        var settings = self
        if let value = overrides.concurrency {
            guard (1...10_000).contains(value) else {
                throw CampaignSettingsError(field: "concurrency", message: "must be 1 to 10000, not \(value)")
            }
            settings.concurrency = value
        }
        if let value = overrides.maxActive {
            guard value >= 0 else {
                throw CampaignSettingsError(field: "max_active", message: "must be 0 (no limit) or more, not \(value)")
            }
            settings.maxActive = value
        }
        if let value = overrides.rate {
            guard value.isFinite, value >= 0, value <= 1_000_000 else {
                throw CampaignSettingsError(field: "rate", message: "must be calls per second ≥ 0 (0 = as fast as allowed), not \(value)")
            }
            settings.rate = value
        }
        if let value = overrides.maxAttempts {
            guard (1...100).contains(value) else {
                throw CampaignSettingsError(field: "max_attempts", message: "must be 1 to 100, not \(value)")
            }
            settings.redial.maxAttempts = value
        }
        for (outcome, delay) in overrides.retryDelays {
            guard outcome != .completed else {
                throw CampaignSettingsError(field: "retry_delay", message: "a completed call is never redialed")
            }
            settings.redial.delays[outcome] = delay
        }
        for outcome in overrides.neverRedial { settings.redial.delays[outcome] = nil }
        if overrides.clearsCallingHours {
            settings.callingHours = nil
        }
        if overrides.callingHours != nil || overrides.days != nil {
            let hours = overrides.callingHours ?? settings.callingHours?.hoursDescription
            guard let hours else {
                throw CampaignSettingsError(field: "days", message: "calling days need calling hours, e.g. 09:00-21:00")
            }
            settings.callingHours = try CallingHours(
                parsingHours: hours,
                days: overrides.days ?? settings.callingHours?.daysDescription
            )
        }
        if let identifier = overrides.timeZone {
            guard let zone = TimeZone(identifier: identifier) else {
                throw CampaignSettingsError(field: "timezone", message: "\"\(identifier)\" is not an IANA time zone like Asia/Kolkata")
            }
            settings.defaultTimeZone = zone
        }
        if let number = overrides.outboundNumber {
            let digits = number.dropFirst()
            guard number.isEmpty || (number.hasPrefix("+") && (8...15).contains(digits.count) && digits.allSatisfy(\.isASCIIDigit)) else {
                throw CampaignSettingsError(field: "outbound_number", message: "must be an E.164 number like +919876543210")
            }
            settings.outboundNumber = number.isEmpty ? nil : number
        }
        if let value = overrides.testMode { settings.testMode = value }
        if let value = overrides.requestTimeout {
            guard value >= .milliseconds(100) else {
                throw CampaignSettingsError(field: "request_timeout", message: "must be at least 100ms")
            }
            settings.requestTimeout = value
        }
        if let value = overrides.callTimeout {
            guard value >= .seconds(1) else {
                throw CampaignSettingsError(field: "call_timeout", message: "must be at least 1s")
            }
            settings.callTimeout = value
        }
        if let value = overrides.pollInterval {
            guard value >= .milliseconds(10) else {
                throw CampaignSettingsError(field: "poll_interval", message: "must be at least 10ms")
            }
            settings.pollInterval = value
        }
        if let value = overrides.waitForBalance { settings.waitForBalance = value == .zero ? nil : value }
        return settings
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
