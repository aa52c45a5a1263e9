/// How the run loop holds back: how close the pacer's next slot must be before a trigger is started, and
/// the pauses after a 429 or an unreachable API, whose jitter all comes from one seeded generator.
struct Throttle<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// How far ahead a trigger may hold a paced slot: triggers are started only when the pacer's next slot is
    /// this close, so a poll asking for a slot waits behind this much at most, whatever the concurrency.
    let slotHorizon: Duration = .milliseconds(250)
    /// The jitter added to a 429's `Retry-After`.
    let rateLimitJitter = Backoff(base: .milliseconds(100), cap: .seconds(1))
    /// The backoff after refused connections and incomplete reconciliation scans.
    let connectionBackoff = Backoff(base: .milliseconds(200), cap: .seconds(30))
    private var generator: JitterGenerator
    /// Consecutive triggers that could not reach the API.
    private(set) var connectionFailures = 0
    /// Whether the last pause was for a 429 rather than an unreachable API.
    private(set) var pausedForRateLimit = false
    /// 429 answers in this run.
    private(set) var rateLimitedCount = 0
    /// Consecutive reconciliation scans that did not cover every ambiguous attempt.
    private(set) var incompleteScans = 0

    /// Creates a throttle.
    /// - Parameter jitterSeed: A seed for reproducible jitter; `nil` uses system randomness.
    init(jitterSeed: UInt64?) {
        generator = JitterGenerator(seed: jitterSeed)
    }

    /// Whether a trigger may take the pacer's next slot now.
    func admitsTrigger(nextSlot: Instant, now: Instant) -> Bool {
        nextSlot <= now.advanced(by: slotHorizon)
    }

    /// When a trigger could next take the pacer's slot.
    func triggerWake(nextSlot: Instant, now: Instant) -> Instant {
        max(nextSlot.advanced(by: .zero - slotHorizon), now)
    }

    /// A 429, on a trigger or a poll: every request pauses for `Retry-After` and a little jitter.
    /// - Returns: The end of the pause.
    mutating func rateLimited(now: Instant, retryAfter: Duration?) -> Instant {
        rateLimitedCount += 1
        pausedForRateLimit = true
        let delay = rateLimitJitter.delay(failures: 1, retryAfter: retryAfter ?? .seconds(1), using: &generator)
        return now.advanced(by: delay)
    }

    /// A trigger could not reach the API: every request pauses for a growing, jittered backoff.
    /// - Returns: The end of the pause and its length.
    mutating func unreachable(now: Instant) -> (until: Instant, delay: Duration) {
        connectionFailures += 1
        pausedForRateLimit = false
        let delay = connectionBackoff.delay(failures: connectionFailures, using: &generator)
        return (now.advanced(by: delay), delay)
    }

    /// A trigger reached the API.
    mutating func reached() {
        connectionFailures = 0
    }

    /// A reconciliation scan did not cover every ambiguous attempt.
    /// - Returns: How long to wait before the next scan.
    mutating func scanIncomplete() -> Duration {
        incompleteScans += 1
        return connectionBackoff.delay(failures: incompleteScans, using: &generator)
    }
}
