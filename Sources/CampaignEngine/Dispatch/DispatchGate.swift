import Synchronization

/// The state every trigger task consults right before sending: the ``SendSchedule`` (pace, and a
/// global pause after a 429 or a refused connection) and a hold on new calls when the campaign is
/// stopping. It is a `Mutex` because it is tiny, synchronous and read on every send.
final class DispatchGate<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    private struct State {
        var schedule: SendSchedule<Instant>
        var holding = false
    }

    private let state: Mutex<State>

    /// Creates a gate pacing sends with `pacer`, whose durations count from `origin`.
    init(pacer: Pacer, origin: Instant) {
        state = Mutex(State(schedule: SendSchedule(pacer: pacer, origin: origin)))
    }

    /// Whether a request may be sent now; see ``SendSchedule/admit(now:ticket:)``.
    func admit(now: Instant, ticket: inout SendSchedule<Instant>.Ticket?) -> SendSchedule<Instant>.Admission {
        state.withLock { $0.schedule.admit(now: now, ticket: &ticket) }
    }

    /// Pauses every sender until `instant` (never shortens an existing pause).
    func pause(until instant: Instant) {
        state.withLock { $0.schedule.pause(until: instant) }
    }

    /// A 429: cuts the pace and pauses every sender until `pauseUntil`.
    func rateLimited(now: Instant, retryAfter: Duration?, pauseUntil: Instant) {
        state.withLock { $0.schedule.rateLimited(now: now, retryAfter: retryAfter, pauseUntil: pauseUntil) }
    }

    /// The end of the current pause, if it is later than `now`.
    func pausedUntil(now: Instant) -> Instant? {
        state.withLock { $0.schedule.pausedUntil(now: now) }
    }

    /// The pace now in requests per second, or `nil` when unlimited.
    func currentRate(now: Instant) -> Double? {
        state.withLock { $0.schedule.currentRate(now: now) }
    }

    /// Stops every sender that has not sent yet from sending.
    func hold() {
        state.withLock { $0.holding = true }
    }

    /// Lets senders send again.
    func release() {
        state.withLock { $0.holding = false }
    }

    /// Whether new sends are held.
    var isHolding: Bool { state.withLock { $0.holding } }
}
