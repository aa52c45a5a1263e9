import CampaignStore
import Foundation

/// The run loop's decisions, as a value: each `mutating` method takes one event — the journal's answer to
/// a read, a trigger's or a poll's answer, the clock, a stop request — and returns the action that event
/// calls for, of a type of its own. It does no I/O and never reads the clock: the run loop's shell
/// (``CampaignRunner``'s dispatcher) reads and writes the journal, calls the API, consults the
/// ``DispatchGate`` and sleeps, and passes what it saw back in.
///
/// It is composed of small values with one concern each: the ``DueQueue`` of due contacts, the
/// ``AttemptReserve`` of committed attempts, the ``WriteBuffer``, the ``Throttle``, an optional
/// ``BalanceWait``, the ``InFlightRegistry``, the ``RunStop`` and the ``RunMetrics``. Every contact's
/// change goes through its ``ContactLifecycle``.
///
/// ```swift
/// var machine = DispatchStateMachine(configuration: settings, untilIdle: false, timeline: timeline,
///                                    jitterSeed: nil, remembersRateLimit: false)
/// _ = machine.start(snapshot)
/// switch machine.nextSend(now: clock.now, nextSlot: gate.nextSlot(now: clock.now)) {
/// case .trigger(let attempt): startTrigger(attempt)
/// case .replenish(let step): replenish(step)
/// case .none: break
/// }
/// ```
struct DispatchStateMachine<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// How to dial.
    let configuration: EngineConfiguration
    /// Whether the run ends as soon as only future work remains.
    let untilIdle: Bool
    /// The run's instants and their wall-clock dates.
    let timeline: RunTimeline<Instant>
    /// What attempt ids are derived from (``AttemptIdentity``); read when the run starts.
    var attemptNamespace = ""
    /// The due contacts.
    var due: DueQueue<Instant>
    /// Attempts committed and not yet sent.
    var reserve = AttemptReserve()
    /// Journal entries not yet written.
    var writes: WriteBuffer<Instant>
    /// Pacing horizon and backoff.
    var throttle: Throttle<Instant>
    /// The empty wallet being waited out, if it is.
    var balance: BalanceWait<Instant>?
    /// Triggers, followed calls, unresolved attempts and the poll.
    var inFlight: InFlightRegistry<Instant>
    /// Whether and why the run stops.
    var stop: RunStop<Instant>
    /// Counts for progress.
    var metrics: RunMetrics<Instant>
    /// The reserve being replenished: how many attempts it is to hold, and whether the first one is a probe.
    var replenishing: Replenishing?
    /// Whether the timer task is sleeping.
    var timerRunning = false
    /// The wake-up instant of a timer waiting for the next due date to be read.
    var pendingWake: Instant?
    /// Whether reconciliation of what an earlier run left unfinished is over.
    var reconciliationOver = false

    /// A reserve being replenished.
    struct Replenishing: Sendable, Hashable {
        /// How many attempts it is to hold.
        var size: Int
        /// Whether the first one taken goes out as the wallet's probe.
        var isProbe: Bool
    }

    /// Creates the state of a run about to start.
    /// - Parameters:
    ///   - configuration: How to dial.
    ///   - untilIdle: Whether to end as soon as only future work remains.
    ///   - timeline: The run's start, on the clock and on the wall.
    ///   - jitterSeed: A seed for reproducible jitter; `nil` uses system randomness.
    ///   - remembersRateLimit: Whether learned rate limits are written (the API key's fingerprint is known).
    init(
        configuration: EngineConfiguration,
        untilIdle: Bool,
        timeline: RunTimeline<Instant>,
        jitterSeed: UInt64?,
        remembersRateLimit: Bool
    ) {
        let now = timeline.start
        self.configuration = configuration
        self.untilIdle = untilIdle
        self.timeline = timeline
        due = DueQueue(refillDelay: min(.seconds(1), configuration.pollInterval), now: now)
        writes = WriteBuffer(remembersRateLimit: remembersRateLimit, now: now)
        throttle = Throttle(jitterSeed: jitterSeed)
        inFlight = InFlightRegistry(pollInterval: configuration.pollInterval, now: now)
        stop = RunStop(now: now)
        metrics = RunMetrics(now: now)
    }

    /// What the API said when it refused the key, if it did.
    var authenticationFailure: String? { stop.authenticationFailure }

    /// Whether another trigger may start, limits permitting.
    var hasFreeSlot: Bool {
        inFlight.hasFreeSlot(concurrency: configuration.concurrency, activeLimit: configuration.activeLimit)
    }

    /// Whether nothing is in flight, queued or due, and no wallet is waited out.
    var isIdle: Bool {
        inFlight.isEmpty && !due.hasQueued && reserve.isEmpty && due.isExhausted && balance == nil
    }

    // MARK: Shared steps

    /// Records a contact's new state in the write buffer and the counts.
    mutating func record(
        _ contact: DueContact,
        from old: ContactStatus,
        _ lifecycle: ContactLifecycle,
        attempt: JournalEntry.AttemptChange? = nil,
        suppress: (number: String, reason: String)? = nil
    ) {
        writes.append(
            JournalEntry(
                contactID: contact.id,
                status: lifecycle.status,
                attempts: lifecycle.attempts,
                nextAttemptAt: lifecycle.nextAttemptAt,
                lastError: lifecycle.lastError,
                attempt: attempt,
                suppress: suppress
            )
        )
        metrics.move(from: old, to: lifecycle.status)
    }

    /// Puts a contact whose attempt placed nothing back at the head of the queue, so that it is the next
    /// one tried (the probe, after a 402).
    mutating func requeueFirst(_ contact: DueContact, _ lifecycle: ContactLifecycle) {
        var contact = contact
        contact.status = lifecycle.status
        contact.attempts = lifecycle.attempts
        contact.nextAttemptAt = nil
        due.putFirst(contact)
    }

    /// Starts stopping: no new calls; in-flight requests finish.
    /// - Returns: Whether this call started it (the gate must then hold every sender).
    @discardableResult
    mutating func beginStopping(_ outcome: RunOutcome, reason: String) -> Bool {
        guard stop.begin(outcome, reason: reason) else { return false }
        balance = nil
        return true
    }

    /// Everything waiting in the write buffer, as one write.
    mutating func takeWrite(_ now: Instant) -> JournalWrite? {
        writes.take(at: timeline.date(now))
    }

    /// A contact's lifecycle answered an event with an action the event cannot lead to from the status
    /// the run loop keeps it in: the loop's bookkeeping is broken.
    func invalidTransition(_ action: ContactLifecycle.Action, on event: String) -> Never {
        preconditionFailure("a contact's lifecycle answered \(action) to \(event)")
    }
}
