/// When to make each delivery attempt of an event: a delay before every attempt, the first usually
/// zero, with random jitter so that many failed deliveries do not come back at the same moment.
///
/// The default is the Standard Webhooks guidance's schedule (as Svix runs it): at once, then after 5 s,
/// 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, eight attempts over about 28 hours. It performs no I/O and
/// draws its randomness from the generator it is given.
///
/// ```swift
/// let schedule = try RetrySchedule(parsing: "0s,5s,1m,10m")
/// var random = SystemRandomNumberGenerator()
/// schedule.delay(beforeAttempt: 2, using: &random)  // about 5 seconds
/// schedule.delay(beforeAttempt: 5, using: &random)  // nil: no fifth attempt
/// ```
public struct RetrySchedule: Sendable, Hashable {
    /// The Standard Webhooks schedule: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
    public static let standard = RetrySchedule(unchecked: [
        .zero, .seconds(5), .seconds(5 * 60), .seconds(30 * 60), .seconds(2 * 3600), .seconds(5 * 3600),
        .seconds(10 * 3600), .seconds(10 * 3600),
    ])
    /// The most attempts a schedule may have.
    public static let maximumAttempts = 50
    /// The longest single delay a schedule may have: 7 days.
    public static let maximumDelay: Duration = .seconds(7 * 86_400)

    /// The delay before each attempt, the first attempt's first; each measured from the end of the
    /// attempt before it.
    public let delays: [Duration]
    /// How far a delay may move either way, as a fraction of it: 0.1 moves 5 min by up to ±30 s.
    public let jitter: Double

    /// A schedule of the given delays.
    /// - Parameters:
    ///   - delays: The delay before each attempt, the first attempt's first (usually zero). Negative
    ///     delays count as zero; attempts beyond ``maximumAttempts`` are dropped.
    ///   - jitter: The fraction a delay may move either way, clamped to 0…0.5. 0.1 by default.
    public init(delays: [Duration], jitter: Double = 0.1) {
        self.delays = delays.prefix(Self.maximumAttempts).map { min(max($0, .zero), Self.maximumDelay) }
        self.jitter = jitter.isFinite ? min(max(jitter, 0), 0.5) : 0
    }

    private init(unchecked delays: [Duration]) {
        self.delays = delays
        self.jitter = 0.1
    }

    /// How many attempts the schedule allows, the first included.
    public var attemptCount: Int { delays.count }

    /// The schedule with another jitter.
    /// - Parameter jitter: The fraction a delay may move either way.
    public func withJitter(_ jitter: Double) -> RetrySchedule {
        RetrySchedule(delays: delays, jitter: jitter)
    }

    /// How long to wait before an attempt, jitter applied.
    /// - Parameters:
    ///   - attempt: The attempt's number, 1 for the first.
    ///   - random: Where the jitter comes from.
    /// - Returns: The delay, never negative; `nil` when the schedule has no such attempt.
    public func delay(beforeAttempt attempt: Int, using random: inout some RandomNumberGenerator) -> Duration? {
        guard attempt >= 1, attempt <= delays.count else { return nil }
        let base = delays[attempt - 1]
        guard jitter > 0, base > .zero else { return base }
        // One draw, mapped onto [1 − jitter, 1 + jitter): 53 random bits make the fraction.
        let unit = Double(random.next() >> 11) * 0x1p-53
        let factor = 1 - jitter + 2 * jitter * unit
        let nanoseconds = (Double(base.components.seconds) * 1e9 + Double(base.components.attoseconds) / 1e9) * factor
        return .nanoseconds(Int64(nanoseconds.rounded()))
    }
}
