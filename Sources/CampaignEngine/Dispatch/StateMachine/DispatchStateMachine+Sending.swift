import CampaignStore
import Foundation

extension DispatchStateMachine {
    /// What to do when the run loop could send another trigger.
    enum SendAction: Sendable, Hashable {
        /// Nothing more is sent now.
        case none
        /// Reserve the gate's next slot for this attempt and start its trigger task, then ask again.
        case trigger(DispatchAttempt)
        /// The reserve is empty: replenish it from the due contacts.
        case replenish(ReplenishAction)
    }

    /// A step of replenishing the reserve.
    enum ReplenishAction: Sendable, Hashable {
        /// Write `write` (when there is one), then load due contacts with `query` and pass them to
        /// ``dueContactsLoaded(_:for:now:)``.
        case load(DueQueue<Instant>.Query, write: JournalWrite?)
        /// Write `write` (when there is one) — the attempts' rows among it are committed before any of their
        /// requests can be sent — then call ``reserveCommitted()``.
        case commit(JournalWrite?)
    }

    /// What to do once the replenished reserve is committed.
    enum CommittedAction: Sendable, Hashable {
        /// Reserve the gate's next slot for this attempt and start its trigger task, then ask
        /// ``nextSend(now:nextSlot:)`` again.
        case trigger(DispatchAttempt)
        /// No attempt was reserved: nothing more is sent now.
        case none
    }

    /// What to do after a trigger's answer.
    enum TriggerAnswerAction: Sendable, Hashable {
        /// Nothing beyond the bookkeeping.
        case none
        /// The probe got through: let every sender send again (the wallet was topped up).
        case resumeSending
        /// A 429: cut the pace and pause every request until `pauseUntil`; pass a rate limit the gate
        /// learned from it to ``rateLimitLearned(_:)``.
        case cutPace(retryAfter: Duration?, pauseUntil: Instant)
        /// The API could not be reached: pause every request until `until`.
        case backOff(until: Instant, retryIn: Duration)
        /// The wallet is empty: hold every sender but the probe, which goes out at growing intervals.
        case holdForBalance
        /// The run began stopping: hold every sender that has not sent yet.
        case holdSends
    }

    /// The run loop could start another trigger: one whose pacer slot is close enough, while slots and the
    /// channel limit allow, from a reserve whose rows are committed in one transaction per batch before
    /// any of their requests can be sent (so the store sees one write per batch rather than one per call).
    /// While the wallet is waited out, only one probe at a time goes, when it is due.
    /// - Parameters:
    ///   - now: The current instant.
    ///   - nextSlot: The gate's next slot, read only when a trigger could start.
    mutating func nextSend(now: Instant, nextSlot: @autoclosure () -> Instant) -> SendAction {
        guard !stop.isStopping, hasFreeSlot, throttle.admitsTrigger(nextSlot: nextSlot(), now: now) else {
            return .none
        }
        var isProbe = false
        if let wait = balance {
            guard wait.allowsProbe(now: now) else { return .none }
            isProbe = true
        }
        guard let attempt = reserve.take() else {
            replenishing = Replenishing(size: isProbe ? 1 : configuration.concurrency, isProbe: isProbe)
            return .replenish(replenish(now: now))
        }
        return .trigger(send(attempt, isProbe: isProbe))
    }

    /// Due contacts were loaded for `query`.
    mutating func dueContactsLoaded(_ contacts: [DueContact], for query: DueQueue<Instant>.Query, now: Instant)
        -> ReplenishAction
    {
        switch due.loaded(contacts, for: query, now: now) {
        case .contacts: return replenish(now: now)
        case .reload(let query): return .load(query, write: takeWrite(now))
        case .exhausted: return .commit(takeWrite(now))
        }
    }

    /// The replenished reserve's rows are written.
    mutating func reserveCommitted() -> CommittedAction {
        guard let replenishing else { return .none }
        self.replenishing = nil
        guard let attempt = reserve.take() else { return .none }
        return .trigger(send(attempt, isProbe: replenishing.isProbe))
    }

    /// A trigger task answered: the call is followed, or reconciled, or the contact is requeued or ends;
    /// a 429 or an unreachable API pauses every request, a 402 pauses the campaign or starts the wait for
    /// the wallet, a 401 stops the run.
    /// - Parameters:
    ///   - attempt: The attempt the task sent.
    ///   - result: What it saw.
    ///   - now: The current instant.
    mutating func triggerAnswered(_ attempt: DispatchAttempt, _ result: TriggerResult, now: Instant)
        -> TriggerAnswerAction
    {
        inFlight.triggerEnded()
        var lifecycle = attempt.lifecycle
        let wall = timeline.date(now)
        let contact = attempt.contact
        switch result {
        case .accepted(let callID):
            let action = lifecycle.triggerAccepted()
            guard action == .follow else { invalidTransition(action, on: "an accepted trigger") }
            metrics.callPlaced(now: now)
            throttle.reached()
            var answer = TriggerAnswerAction.none
            if attempt.isProbe, balance != nil {
                balance = nil
                answer = .resumeSending
            }
            record(
                contact,
                from: .dialing,
                lifecycle,
                attempt: .accepted(id: attempt.attemptID, callID: callID, at: wall)
            )
            inFlight.followed[callID] = InFlightRegistry.FollowedCall(
                contact: contact,
                lifecycle: lifecycle,
                attemptID: attempt.attemptID,
                startedAt: attempt.startedAt
            )
            return answer
        case .withdrawn:
            let action = lifecycle.triggerFailed(.notSent(message: "withdrawn before sending"))
            guard action == .requeue else { invalidTransition(action, on: "a withdrawn trigger") }
            record(contact, from: .dialing, lifecycle, attempt: .discard(id: attempt.attemptID))
            requeueFirst(contact, lifecycle)
            if attempt.isProbe { balance?.probeInFlight = false }
            return .none
        case .failed(let failure):
            return triggerFailed(attempt, failure, lifecycle: &lifecycle, now: now)
        }
    }

    /// The gate learned the rate at which the API pushed back, from a 429 this machine asked it to act on:
    /// it is written with the next batch, for the next run on the key.
    mutating func rateLimitLearned(_ limit: Double) {
        writes.learned(rateLimit: limit)
    }

    // MARK: Steps

    private mutating func triggerFailed(
        _ attempt: DispatchAttempt,
        _ failure: TriggerFailure,
        lifecycle: inout ContactLifecycle,
        now: Instant
    ) -> TriggerAnswerAction {
        let wall = timeline.date(now)
        let contact = attempt.contact
        let action = lifecycle.triggerFailed(failure)
        switch action {
        case .requeue:
            record(contact, from: .dialing, lifecycle, attempt: .discard(id: attempt.attemptID))
            requeueFirst(contact, lifecycle)
            if attempt.isProbe { balance?.probeInFlight = false }
            if case .rateLimited(let retryAfter) = failure {
                return .cutPace(
                    retryAfter: retryAfter,
                    pauseUntil: throttle.rateLimited(now: now, retryAfter: retryAfter)
                )
            }
            let pause = throttle.unreachable(now: now)
            return .backOff(until: pause.until, retryIn: pause.delay)
        case .pauseCampaign:
            record(contact, from: .dialing, lifecycle, attempt: .discard(id: attempt.attemptID))
            requeueFirst(contact, lifecycle)
            return insufficientBalance(now: now)
        case .stopRun:
            record(contact, from: .dialing, lifecycle, attempt: .discard(id: attempt.attemptID))
            if case .authentication(let message) = failure { stop.authenticationFailure = message }
            return beginStopping(.paused(.authentication), reason: "the API key was refused") ? .holdSends : .none
        case .suppress(let reason):
            record(
                contact,
                from: .dialing,
                lifecycle,
                attempt: .ended(id: attempt.attemptID, outcome: "dnd", report: nil, error: reason, at: wall),
                suppress: (contact.phoneNumber, reason)
            )
            if attempt.isProbe { balance?.probeInFlight = false }
            return .none
        case .finish:
            record(
                contact,
                from: .dialing,
                lifecycle,
                attempt: .ended(
                    id: attempt.attemptID,
                    outcome: "invalid",
                    report: nil,
                    error: lifecycle.lastError,
                    at: wall
                )
            )
            if attempt.isProbe { balance?.probeInFlight = false }
            return .none
        case .reconcile:
            record(
                contact,
                from: .dialing,
                lifecycle,
                attempt: .ambiguous(id: attempt.attemptID, error: lifecycle.lastError ?? "ambiguous answer")
            )
            inFlight.unresolved[attempt.attemptID] = InFlightRegistry.UnresolvedAttempt(
                contact: contact,
                lifecycle: lifecycle,
                attemptID: attempt.attemptID,
                startedAt: attempt.startedAt,
                failedAt: wall
            )
            if attempt.isProbe { balance?.probeInFlight = false }
            return .none
        case .trigger, .follow, .redial, .rejected:
            invalidTransition(action, on: "a failed trigger")
        }
    }

    /// A 402: without `--wait-for-balance` the run pauses; with it, one probe goes out at growing
    /// intervals until the wallet is topped up or the wait is over.
    private mutating func insufficientBalance(now: Instant) -> TriggerAnswerAction {
        guard let limit = configuration.waitForBalance else {
            return beginStopping(.paused(.insufficientBalance), reason: "insufficient balance") ? .holdSends : .none
        }
        guard var wait = balance else {
            balance = BalanceWait(since: now)
            return .holdForBalance
        }
        let waitedEnough = wait.probeRefused(now: now, limit: limit)
        balance = wait
        guard waitedEnough else { return .none }
        return beginStopping(.paused(.insufficientBalance), reason: "insufficient balance") ? .holdSends : .none
    }

    /// Takes due contacts into the reserve until it holds the size asked for: a contact whose number is
    /// suppressed ends, one outside its calling window waits for it, one past the attempt limit is given up,
    /// and every other starts an attempt. Asks for a load when the queue runs out.
    private mutating func replenish(now: Instant) -> ReplenishAction {
        let size = replenishing?.size ?? 0
        let wall = timeline.date(now)
        while reserve.count < size {
            switch due.next(now: now, date: wall) {
            case .contact(let contact): take(contact, at: wall)
            case .load(let query): return .load(query, write: takeWrite(now))
            case .empty: return .commit(takeWrite(now))
            }
        }
        return .commit(takeWrite(now))
    }

    /// Takes one due contact, as its ``ContactLifecycle`` decides.
    private mutating func take(_ contact: DueContact, at wall: Date) {
        var lifecycle = ContactLifecycle(contact)
        let action = lifecycle.take(contact, under: configuration, at: wall)
        switch action {
        case .suppress, .waitForWindow, .giveUp:
            record(contact, from: contact.status, lifecycle)
        case .trigger:
            let attemptID = AttemptIdentity.id(
                campaign: attemptNamespace,
                contactID: contact.id,
                number: lifecycle.attempts
            )
            record(
                contact,
                from: contact.status,
                lifecycle,
                attempt: .start(id: attemptID, number: lifecycle.attempts, startedAt: wall)
            )
            reserve.append(
                DispatchAttempt(
                    contact: contact,
                    lifecycle: lifecycle,
                    attemptID: attemptID,
                    startedAt: wall,
                    isProbe: false
                )
            )
        case .rejected(let reason):
            preconditionFailure("a due contact could not be taken: \(reason)")
        }
    }

    /// An attempt leaves the reserve for its trigger task.
    private mutating func send(_ attempt: DispatchAttempt, isProbe: Bool) -> DispatchAttempt {
        var attempt = attempt
        attempt.isProbe = isProbe
        if isProbe { balance?.probeInFlight = true }
        inFlight.triggerStarted()
        return attempt
    }
}
