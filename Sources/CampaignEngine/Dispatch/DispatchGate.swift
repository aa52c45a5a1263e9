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

    /// Whether a request may be sent now; see ``SendSchedule/admit(now:ticket:kind:)``.
    private func admit(
        now: Instant,
        ticket: inout SendSchedule<Instant>.Ticket?,
        kind: SendSchedule<Instant>.Kind = .trigger
    ) -> SendSchedule<Instant>.Admission {
        state.withLock { $0.schedule.admit(now: now, ticket: &ticket, kind: kind) }
    }

    /// The first instant a request asking now could be sent at; reserves nothing.
    func nextSlot(now: Instant) -> Instant {
        state.withLock { $0.schedule.nextSlot(now: now) }
    }

    /// Reserves the next slot for a request.
    func reserve(now: Instant) -> SendSchedule<Instant>.Ticket {
        state.withLock { $0.schedule.reserve(now: now) }
    }

    /// Waits until the schedule admits a request holding `ticket` (or reserves one for it).
    /// - Parameters:
    ///   - clock: The clock the instants are of.
    ///   - ticket: The slot reserved for the request, if any.
    ///   - kind: What the request is.
    ///   - withdrawn: Checked before each wait; when it is true, the request gives up.
    /// - Returns: `true` to send now, `false` when `withdrawn` said so.
    /// - Throws: `CancellationError` when the task is cancelled while it waits.
    func waitForSlot<C: Clock>(
        on clock: C,
        ticket: SendSchedule<Instant>.Ticket?,
        kind: SendSchedule<Instant>.Kind = .trigger,
        withdrawn: () -> Bool = { false }
    ) async throws -> Bool where C.Instant == Instant {
        var ticket = ticket
        while case .wait(let until) = admit(now: clock.now, ticket: &ticket, kind: kind) {
            if withdrawn() { return false }
            try await clock.sleep(until: until, tolerance: nil)
        }
        return true
    }

    /// Pauses every sender until `instant` (never shortens an existing pause).
    func pause(until instant: Instant) {
        state.withLock { $0.schedule.pause(until: instant) }
    }

    /// A 429: cuts the pace and pauses every sender until `pauseUntil`; returns the rate at which the
    /// API pushed back when the pace was cut.
    func rateLimited(now: Instant, retryAfter: Duration?, pauseUntil: Instant) -> Double? {
        state.withLock { $0.schedule.rateLimited(now: now, retryAfter: retryAfter, pauseUntil: pauseUntil) }
    }

    /// Starts the pace just below a limit learned by an earlier run.
    func startBelow(learnedLimit limit: Double, now: Instant) {
        state.withLock { $0.schedule.startBelow(learnedLimit: limit, now: now) }
    }

    /// The next slot, the pause and the pace at `now`, read at once.
    func reading(now: Instant) -> GateReading<Instant> {
        state.withLock {
            GateReading(
                nextSlot: $0.schedule.nextSlot(now: now),
                pausedUntil: $0.schedule.pausedUntil(now: now),
                pace: $0.schedule.currentRate(now: now)
            )
        }
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
