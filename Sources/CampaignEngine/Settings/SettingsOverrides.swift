/// Settings given by a campaign file or on the command line; `nil` leaves the campaign's value alone.
public struct SettingsOverrides: Sendable, Hashable {
    /// `concurrency`.
    public var concurrency: Int?
    /// `max_active`.
    public var maxActive: Int?
    /// `rate`.
    public var rate: Double?
    /// `max_attempts`.
    public var maxAttempts: Int?
    /// `retry_delay.<outcome>`.
    public var retryDelays: [CallOutcome: Duration]
    /// Outcomes set to `never` in `retry_delay`: they are not redialed.
    public var neverRedial: Set<CallOutcome> = []
    /// `calling_hours`, e.g. `09:00-21:00`.
    public var callingHours: String?
    /// Whether `calling_hours` was set to `none` (call at any hour).
    public var clearsCallingHours: Bool
    /// `days`, e.g. `mon-sat`.
    public var days: String?
    /// `timezone`, an IANA identifier.
    public var timeZone: String?
    /// `outbound_number`; empty removes it.
    public var outboundNumber: String?
    /// `test_mode`.
    public var testMode: Bool?
    /// `request_timeout`.
    public var requestTimeout: Duration?
    /// `call_timeout`.
    public var callTimeout: Duration?
    /// `poll_interval`.
    public var pollInterval: Duration?
    /// `wait_for_balance`; zero turns waiting off.
    public var waitForBalance: Duration?

    /// Creates overrides; all empty by default.
    public init(
        concurrency: Int? = nil,
        maxActive: Int? = nil,
        rate: Double? = nil,
        maxAttempts: Int? = nil,
        retryDelays: [CallOutcome: Duration] = [:],
        callingHours: String? = nil,
        clearsCallingHours: Bool = false,
        days: String? = nil,
        timeZone: String? = nil,
        outboundNumber: String? = nil,
        testMode: Bool? = nil,
        requestTimeout: Duration? = nil,
        callTimeout: Duration? = nil,
        pollInterval: Duration? = nil,
        waitForBalance: Duration? = nil
    ) {
        self.concurrency = concurrency
        self.maxActive = maxActive
        self.rate = rate
        self.maxAttempts = maxAttempts
        self.retryDelays = retryDelays
        self.callingHours = callingHours
        self.clearsCallingHours = clearsCallingHours
        self.days = days
        self.timeZone = timeZone
        self.outboundNumber = outboundNumber
        self.testMode = testMode
        self.requestTimeout = requestTimeout
        self.callTimeout = callTimeout
        self.pollInterval = pollInterval
        self.waitForBalance = waitForBalance
    }

    /// Whether nothing is overridden.
    public var isEmpty: Bool { self == SettingsOverrides() }
}
