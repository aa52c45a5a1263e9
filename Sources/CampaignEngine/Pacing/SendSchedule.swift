/// When each request may go out: the pacer's slots and a pause shared by every request, after a 429
/// or a refused connection.
///
/// A request asks for its slot when it is about to be sent, not when it was queued, and holds it as a
/// ``Ticket``. A pause voids every ticket: the requests that were waiting ask again when the pause is
/// over and the pace restarts from then, at the (reduced) pace, one slot after another. So however
/// many requests wait, none of them goes out in a burst at the end of a pause.
///
/// It is a plain value that tests drive with any instants; ``DispatchGate`` shares one between the run
/// loop and its request tasks.
///
/// ```swift
/// var schedule = SendSchedule(pacer: Pacer(.init(rate: 20)), origin: clock.now)
/// var ticket: SendSchedule.Ticket?
/// while case .wait(let until) = schedule.admit(now: clock.now, ticket: &ticket) {
///     try await clock.sleep(until: until)
/// }
/// // send
/// ```
public struct SendSchedule<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// A reserved send slot, valid until the next pause.
    public struct Ticket: Sendable, Hashable {
        /// The pause count when the slot was reserved.
        let epoch: Int
        /// The slot.
        public let sendAt: Instant
    }

    /// What a request should do now.
    public enum Admission: Sendable, Hashable {
        /// Send now.
        case send
        /// Sleep until this instant, then ask again.
        case wait(until: Instant)
    }

    private var pacer: Pacer
    private let origin: Instant
    private var pauseEnd: Instant?
    /// Counts pauses; a ticket from an earlier count is void.
    private var epoch = 0

    /// Creates a schedule.
    /// - Parameters:
    ///   - pacer: The pace and its adaptation to 429s.
    ///   - origin: The instant the pacer's durations count from.
    public init(pacer: Pacer, origin: Instant) {
        self.pacer = pacer
        self.origin = origin
    }

    /// What a request is, for the budget it draws from.
    public enum Kind: Sendable, Hashable {
        /// A call trigger: always paced, at the configured pace or below it.
        case trigger
        /// A history or details poll: paced only while the API's limit binds (the pace is cut below
        /// the configured one, after a 429 or from a learned limit), when every request counts against
        /// it; otherwise sent at once, so that polls never slow the configured call rate.
        case poll
    }

    /// Says whether a request may be sent now, reserving its slot the first time it asks.
    /// - Parameters:
    ///   - now: The current instant.
    ///   - ticket: The request's slot, `nil` before its first question; kept by the request between
    ///     questions.
    ///   - kind: What the request is (default a trigger).
    /// - Returns: `.send`, or the instant to ask again at.
    public mutating func admit(now: Instant, ticket: inout Ticket?, kind: Kind = .trigger) -> Admission {
        if let pauseEnd, pauseEnd > now {
            ticket = nil
            return .wait(until: pauseEnd)
        }
        if kind == .poll, ticket == nil, !pacer.isThrottled(at: origin.duration(to: now)) {
            return .send
        }
        if let held = ticket, held.epoch == epoch {
            if now >= held.sendAt {
                ticket = nil
                return .send
            }
            return .wait(until: held.sendAt)
        }
        let slot = reserve(now: now)
        guard slot.sendAt > now else {
            ticket = nil
            return .send
        }
        ticket = slot
        return .wait(until: slot.sendAt)
    }

    /// The first instant a request asking now could be sent at: the end of a pause, or the pacer's
    /// next slot. Reserves nothing.
    public func nextSlot(now: Instant) -> Instant {
        if let pauseEnd, pauseEnd > now { return pauseEnd }
        return now.advanced(by: pacer.nextSlotDelay(at: origin.duration(to: now)))
    }

    /// Reserves the next slot for a request that will ask with it (see ``admit(now:ticket:)``). During
    /// a pause the ticket is already void: its holder reserves again when the pause is over.
    public mutating func reserve(now: Instant) -> Ticket {
        if let pauseEnd, pauseEnd > now { return Ticket(epoch: epoch - 1, sendAt: pauseEnd) }
        let wait = pacer.reserve(at: origin.duration(to: now))
        return Ticket(epoch: epoch, sendAt: now.advanced(by: max(wait, .zero)))
    }

    /// Pauses every request until `instant` (never shortens a pause); the slots reserved so far are
    /// void and the pace restarts at `instant`.
    public mutating func pause(until instant: Instant) {
        if let pauseEnd, pauseEnd >= instant { return }
        pauseEnd = instant
        epoch += 1
        pacer.restart(at: origin.duration(to: instant))
    }

    /// The API answered 429: cuts the pace and pauses every request until `pauseUntil`.
    /// - Parameters:
    ///   - now: When the answer came.
    ///   - retryAfter: The server's `Retry-After`, if any.
    ///   - pauseUntil: The end of the pause (the `Retry-After` with jitter).
    /// - Returns: The rate at which the API pushed back, when this 429 cut the pace (see
    ///   ``Pacer/rateLimited(at:retryAfter:)``).
    @discardableResult
    public mutating func rateLimited(now: Instant, retryAfter: Duration?, pauseUntil: Instant) -> Double? {
        let limit = pacer.rateLimited(at: origin.duration(to: now), retryAfter: retryAfter)
        pause(until: pauseUntil)
        return limit
    }

    /// Starts the pace just below a limit learned before (see ``Pacer/startBelow(learnedLimit:at:)``).
    public mutating func startBelow(learnedLimit limit: Double, now: Instant) {
        pacer.startBelow(learnedLimit: limit, at: origin.duration(to: now))
    }

    /// The end of the current pause, if it is later than `now`.
    public func pausedUntil(now: Instant) -> Instant? {
        guard let pauseEnd, pauseEnd > now else { return nil }
        return pauseEnd
    }

    /// The pace now in requests per second, or `nil` when unlimited.
    public func currentRate(now: Instant) -> Double? {
        pacer.currentRate(at: origin.duration(to: now))
    }
}
