/// An empty wallet waited out with `--wait-for-balance`: one probe at a time, at growing intervals.
struct BalanceWait<Instant: InstantProtocol>: Sendable, Hashable where Instant.Duration == Duration {
    /// The longest interval between probes.
    static var maximumInterval: Duration { .seconds(300) }

    /// When the wallet was first found empty.
    let since: Instant
    /// The interval before the next probe.
    private(set) var interval: Duration = .seconds(1)
    /// When the next probe may go.
    private(set) var nextProbe: Instant
    /// Whether a probe is in flight.
    var probeInFlight = false

    /// Starts waiting: the first probe goes a second from now.
    init(since now: Instant) {
        since = now
        nextProbe = now.advanced(by: .seconds(1))
    }

    /// Whether a probe may be sent now.
    func allowsProbe(now: Instant) -> Bool {
        !probeInFlight && now >= nextProbe
    }

    /// The probe was refused for an empty wallet: the next waits twice as long (up to five minutes).
    /// - Parameters:
    ///   - now: When the answer came.
    ///   - limit: How long the wallet may stay empty.
    /// - Returns: Whether the wallet has been empty for `limit` or longer.
    mutating func probeRefused(now: Instant, limit: Duration) -> Bool {
        interval = min(interval * 2, Self.maximumInterval)
        nextProbe = now.advanced(by: interval)
        probeInFlight = false
        return since.duration(to: now) >= limit
    }
}
