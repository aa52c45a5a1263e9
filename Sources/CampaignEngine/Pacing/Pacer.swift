/// Paces call triggers with GCRA (the generic cell rate algorithm, a token bucket without a timer) and
/// adapts the pace to the API's rate limit with AIMD: a 429 cuts the pace multiplicatively, and it
/// recovers additively, so the dialer settles just under the server's limit instead of hammering it.
///
/// Time is a `Duration` since any fixed origin (the scheduler passes `clock.now - start`), so the pacer
/// is a plain value that tests drive without sleeping.
///
/// ```swift
/// var pacer = Pacer(Pacer.Configuration(rate: 20))
/// let wait = pacer.reserve(at: elapsed)   // sleep this long, then send
/// pacer.rateLimited(at: elapsed)           // on a 429
/// ```
public struct Pacer: Sendable {
    /// How the pacer behaves.
    public struct Configuration: Sendable, Hashable {
        /// The configured calls per second; 0 means as fast as the API allows.
        public var rate: Double
        /// How many sends may go at once after an idle spell (at least 1).
        public var burst: Int
        /// The factor the pace is multiplied by on a 429 (between 0 and 1).
        public var decreaseFactor: Double
        /// The pace regained per second after a cut, as a fraction of the pace at the 429.
        public var recoveryFraction: Double
        /// The slowest pace a cut can reach, in calls per second.
        public var minimumRate: Double

        /// Creates a configuration.
        /// - Parameters:
        ///   - rate: Calls per second; 0 means unlimited until the API pushes back.
        ///   - burst: Sends allowed at once after idling (default 1: evenly spaced).
        ///   - decreaseFactor: Multiplier applied on a 429 (default 0.85).
        ///   - recoveryFraction: Fraction of the pre-cut pace regained per second (default 0.02).
        ///   - minimumRate: Floor of the pace in calls per second (default 0.2).
        public init(
            rate: Double,
            burst: Int = 1,
            decreaseFactor: Double = 0.85,
            recoveryFraction: Double = 0.02,
            minimumRate: Double = 0.2
        ) {
            self.rate = rate.isFinite ? max(0, rate) : 0
            self.burst = max(1, burst)
            self.decreaseFactor = min(max(decreaseFactor, 0.05), 0.99)
            self.recoveryFraction = min(max(recoveryFraction, 0.001), 1)
            self.minimumRate = max(0.01, minimumRate)
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// Where the recovery after a cut slows down, as a fraction of the rate the API pushed back at.
    static let kneeFraction = 0.95
    /// Where a run starts, as a fraction of the limit an earlier run learned.
    static let learnedStartFraction = 0.98
    /// The theoretical arrival time of the next send.
    private var theoreticalArrival: Duration = .zero
    /// The pace right after the last cut, and when it happened.
    private var cut: (rate: Double, at: Duration, ceiling: Double)?
    /// Sends counted in the current one-second window, to estimate the pace when unlimited.
    private var window: (start: Duration, count: Int, lastRate: Double) = (.zero, 0, 0)

    /// Creates a pacer.
    /// - Parameter configuration: The configured pace and its adaptation.
    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// The pace now in calls per second, or `nil` when unlimited.
    /// - Parameter now: The current time since the origin.
    public func currentRate(at now: Duration) -> Double? {
        let configured: Double? = configuration.rate > 0 ? configuration.rate : nil
        guard let cut else { return configured }
        let elapsed = max(0, (now - cut.at).timeInterval)
        // Additive recovery at `recoveryFraction` of the ceiling per second up to 95 % of it, then at a
        // quarter of that: the pace spends its time just under the limit the API showed, and probes
        // past it slowly (fewer 429s, each of which stops every request for its Retry-After).
        let slope = cut.ceiling * configuration.recoveryFraction
        let knee = cut.ceiling * Self.kneeFraction
        let recovered: Double
        if cut.rate >= knee {
            recovered = cut.rate + slope / 4 * elapsed
        } else {
            let toKnee = (knee - cut.rate) / slope
            recovered = elapsed <= toKnee ? cut.rate + slope * elapsed : knee + slope / 4 * (elapsed - toKnee)
        }
        if let configured { return min(configured, recovered) }
        // Unlimited: once the pace is back well above where the API pushed back, stop pacing.
        return recovered >= cut.ceiling * 4 ? nil : recovered
    }

    /// Whether the pace is currently cut below the configured one because of 429s.
    /// - Parameter now: The current time since the origin.
    public func isThrottled(at now: Duration) -> Bool {
        guard let rate = currentRate(at: now) else { return false }
        return configuration.rate <= 0 || rate < configuration.rate
    }

    /// Reserves the next send slot and says how long to wait until it.
    /// - Parameter now: The current time since the origin.
    /// - Returns: Zero to send at once, otherwise the wait before sending.
    public mutating func reserve(at now: Duration) -> Duration {
        count(at: now)
        guard let rate = currentRate(at: now) else {
            theoreticalArrival = now
            return .zero
        }
        let interval = Duration(timeInterval: 1 / rate)
        let tolerance = interval * (configuration.burst - 1)
        let arrival = max(theoreticalArrival, now)
        theoreticalArrival = arrival + interval
        let sendAt = arrival - tolerance
        return sendAt > now ? sendAt - now : .zero
    }

    /// How long the next ``reserve(at:)`` would wait, without reserving.
    /// - Parameter now: The current time since the origin.
    public func nextSlotDelay(at now: Duration) -> Duration {
        guard let rate = currentRate(at: now) else { return .zero }
        let interval = Duration(timeInterval: 1 / rate)
        let sendAt = max(theoreticalArrival, now) - interval * (configuration.burst - 1)
        return sendAt > now ? sendAt - now : .zero
    }

    /// The API answered 429: cut the pace, once per burst of 429s.
    /// - Parameters:
    ///   - now: The current time since the origin.
    ///   - retryAfter: The server's `Retry-After`; 429s within it count as the same push-back.
    /// - Returns: When this 429 cut the pace, the rate at which the API pushed back: the pace then, or
    ///   the rate actually sent over the last second when that was lower. `nil` for a 429 that counts
    ///   as part of the last push-back.
    @discardableResult
    public mutating func rateLimited(at now: Duration, retryAfter: Duration? = nil) -> Double? {
        let holdOff = max(retryAfter ?? .zero, .seconds(1))
        if let cut, now - cut.at < holdOff { return nil }
        let sent = window.lastRate > 0 ? window.lastRate : Double(window.count)
        let before = currentRate(at: now) ?? max(window.lastRate, Double(window.count), configuration.minimumRate)
        let reduced = max(configuration.minimumRate, before * configuration.decreaseFactor)
        cut = (rate: reduced, at: now, ceiling: before)
        // Slots reserved at the old pace are dropped: the next send is spaced at the new one.
        theoreticalArrival = max(now, min(theoreticalArrival, now + Duration(timeInterval: 1 / reduced)))
        return max(configuration.minimumRate, sent > 0 ? min(before, sent) : before)
    }

    /// Starts just below a limit a previous run learned (a 429 at that rate), at 98 % of it, as if it
    /// had been cut there: the pace then probes upward slowly, as after any cut.
    /// - Parameters:
    ///   - limit: Requests per second at which the API pushed back.
    ///   - now: The current time since the origin.
    public mutating func startBelow(learnedLimit limit: Double, at now: Duration) {
        guard limit.isFinite, limit > 0 else { return }
        let start = max(configuration.minimumRate, limit * Self.learnedStartFraction)
        if configuration.rate > 0, configuration.rate <= start { return }
        cut = (rate: start, at: now, ceiling: limit)
    }

    /// Forgets the slots reserved so far: the next send is at `instant` (or when reserved, if later),
    /// and the ones after it follow at the current pace. For the end of a pause, whose waiting senders
    /// reserve again.
    /// - Parameter instant: The time since the origin when sending may resume.
    public mutating func restart(at instant: Duration) {
        theoreticalArrival = instant
    }

    private mutating func count(at now: Duration) {
        if now - window.start >= .seconds(1) {
            let elapsed = max((now - window.start).timeInterval, 1)
            window = (start: now, count: 0, lastRate: now - window.start < .seconds(2) ? Double(window.count) / elapsed : 0)
        }
        window.count += 1
    }
}
