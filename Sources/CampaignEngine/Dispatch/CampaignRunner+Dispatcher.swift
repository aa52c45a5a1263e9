import CampaignStore
import Foundation
import Logging

extension CampaignRunner {
    /// A trigger task's answer, or a poll's, or a timer.
    enum Event: Sendable {
        case triggered(Sent, TriggerResult)
        case polled(PollResult)
        case tick
    }

    /// An attempt whose intent row is committed and whose trigger task was started.
    struct Sent: Sendable {
        var contact: DueContact
        var lifecycle: ContactLifecycle
        var attemptID: UUID
        var startedAt: Date
        var isProbe: Bool
    }

    /// What a trigger task saw.
    enum TriggerResult: Sendable {
        case accepted(String)
        case failed(TriggerFailure)
        /// The campaign began stopping while the task waited for its send slot; nothing was sent.
        case withdrawn
    }

    /// A placed call being followed to its end.
    struct Followed {
        var contact: DueContact
        var lifecycle: ContactLifecycle
        var attemptID: UUID
        var startedAt: Date
        var unseenPolls = 0
    }

    /// An attempt whose trigger failed ambiguously, waiting for reconciliation.
    struct Unknown {
        var contact: DueContact
        var lifecycle: ContactLifecycle
        var attemptID: UUID
        var startedAt: Date
        var failedAt: Date
    }

    /// An empty wallet being waited out with one probe at a time.
    struct BalanceWait {
        var since: C.Instant
        var interval: Duration
        var nextProbe: C.Instant
        var probeInFlight = false
    }

    /// The run loop and all of its mutable state. It lives in one task; only the trigger and poll tasks
    /// it starts run concurrently, and they share nothing with it but the gate.
    struct Dispatcher {
        let runner: CampaignRunner
        let untilIdle: Bool
        let gate: DispatchGate<C.Instant>
        let startInstant: C.Instant
        let origin: Date
        /// Contacts loaded per query of due contacts.
        let refillSize = 512
        /// Pending writes are flushed at this size or age.
        let flushSize = 512
        let flushAge: Duration = .milliseconds(100)
        /// How long an ambiguous attempt waits before a history scan may conclude that nothing was placed.
        var reconcileGrace: TimeInterval { configuration.reconcileGrace.timeInterval }
        /// What attempt ids are derived from (``AttemptIdentity``); read when the run starts.
        var attemptNamespace = ""
        let rateLimitJitter = Backoff(base: .milliseconds(100), cap: .seconds(1))
        /// How far ahead a trigger may hold a paced slot: triggers are started only when the pacer's next
        /// slot is this close, so a poll asking for a slot waits behind this much at most, whatever the
        /// concurrency.
        let slotHorizon: Duration = .milliseconds(250)
        let connectionBackoff = Backoff(base: .milliseconds(200), cap: .seconds(30))

        var generator: JitterGenerator
        var queue: [DueContact] = []
        var queueIndex = 0
        var dueExhausted = false
        var dueCursor: Int64 = 0
        var reserve: [Sent] = []
        var reserveIndex = 0
        var nextRefillAt: C.Instant
        var entries: [JournalEntry] = []
        var lastFlush: C.Instant
        var inflight = 0
        var followed: [String: Followed] = [:]
        var unknowns: [UUID: Unknown] = [:]
        var pollRunning = false
        var nextPollAt: C.Instant
        var tickerRunning = false
        var stopping: RunOutcome?
        var stoppingReason = ""
        var authenticationFailure: String?
        var counts: [ContactStatus: Int] = [:]
        var total = 0
        var connectionFailures = 0
        var pausedForRateLimit = false
        var rateLimitedCount = 0
        /// A rate limit learned during this run and not yet stored.
        var unsavedLearnedLimit: Double?
        var placedCount = 0
        var rateWindow: (start: C.Instant, count: Int, rate: Double)
        var balance: BalanceWait?
        var lastControlCheck: C.Instant
        var lastProgress: C.Instant
        var reconciling = 0

        init(runner: CampaignRunner, untilIdle: Bool) {
            self.runner = runner
            self.untilIdle = untilIdle
            let now = runner.clock.now
            startInstant = now
            origin = runner.wallClockOrigin ?? Date()
            gate = DispatchGate(pacer: Pacer(Pacer.Configuration(rate: runner.configuration.rate)), origin: now)
            generator = JitterGenerator(seed: runner.jitterSeed)
            nextRefillAt = now
            lastFlush = now
            nextPollAt = now
            rateWindow = (now, 0, 0)
            lastControlCheck = now
            lastProgress = now
        }

        var journal: any DispatchJournal { runner.journal }
        var configuration: EngineConfiguration { runner.configuration }

        func date(_ instant: C.Instant) -> Date {
            origin.addingTimeInterval(startInstant.duration(to: instant).timeInterval)
        }

        func instant(_ date: Date) -> C.Instant {
            startInstant.advanced(by: Duration(timeInterval: date.timeIntervalSince(origin)))
        }

        // MARK: The loop

        mutating func run() async throws -> RunOutcome {
            counts = try await journal.statusCounts()
            total = counts.values.reduce(0, +)
            attemptNamespace = try await journal.attemptNamespace()
            if let key = runner.apiKeyFingerprint, let limit = try await journal.learnedRateLimit(keyFingerprint: key) {
                gate.startBelow(learnedLimit: limit, now: runner.clock.now)
                runner.logger.info("starting below the rate limit learned before", metadata: ["rate.limit": "\(limit)"])
            }
            try await reconcileLeftovers()
            if let stopping { return stopping }
            return try await withThrowingTaskGroup(of: Event.self) { group in
                while true {
                    let now = runner.clock.now
                    try await checkControl(now)
                    if stopping == nil { try await fill(&group, now) }
                    schedulePoll(&group, now)
                    if let stopping, inflight == 0, !pollRunning {
                        releaseReserve()
                        try await flush()
                        group.cancelAll()
                        await report(now, force: true)
                        return stopping
                    }
                    if stopping == nil, isIdle {
                        try await flush()
                        if nonFinalCount == 0 {
                            group.cancelAll()
                            await report(now, force: true)
                            return .completed
                        }
                        if untilIdle {
                            let next = try await journal.nextDueDate()
                            group.cancelAll()
                            await report(now, force: true)
                            return .idle(nextDue: next)
                        }
                    }
                    try await startTicker(&group, now)
                    await report(now, force: false)
                    guard let event = try await group.next() else { continue }
                    try handle(event)
                    let after = runner.clock.now
                    if entries.count >= flushSize || lastFlush.duration(to: after) >= flushAge { try await flush() }
                }
            }
        }

        var isIdle: Bool {
            inflight == 0 && followed.isEmpty && unknowns.isEmpty && !pollRunning && queueIndex >= queue.count
                && reserveIndex >= reserve.count && dueExhausted && balance == nil
        }

        /// Whether ``fill(_:_:)`` could start another trigger now, limits permitting.
        var hasFreeSlot: Bool {
            inflight < configuration.concurrency && inflight + followed.count + unknowns.count < configuration.activeLimit
        }

        var nonFinalCount: Int {
            counts.filter { !$0.key.isFinal }.values.reduce(0, +)
        }

        // MARK: Reconciliation on start

        /// Looks every attempt left `dialing` or `unknown` up in the call history before anything new is
        /// dialed, and resumes following calls left `in_call`. An attempt the history does not show is
        /// given up only once its start is ``EngineConfiguration/reconcileGrace`` old — a request sent just
        /// before a crash may still be on its way to the API — and until then its contact waits, unknown,
        /// while the run dials others; the regular history polls settle it.
        mutating func reconcileLeftovers() async throws {
            for open in try await journal.unfinishedAttempts() {
                let lifecycle = ContactLifecycle(status: open.contact.status, attempts: open.contact.attempts)
                unknowns[open.attemptID] = Unknown(
                    contact: open.contact,
                    lifecycle: lifecycle,
                    attemptID: open.attemptID,
                    startedAt: open.startedAt,
                    failedAt: open.startedAt
                )
            }
            for open in try await journal.callsInProgress() {
                let lifecycle = ContactLifecycle(status: .inCall, attempts: open.contact.attempts)
                if let callID = open.callID {
                    followed[callID] = Followed(
                        contact: open.contact,
                        lifecycle: lifecycle,
                        attemptID: open.attemptID,
                        startedAt: open.startedAt
                    )
                }
            }
            reconciling = unknowns.count
            var failures = 0
            while !unknowns.isEmpty {
                let now = runner.clock.now
                await report(now, force: true)
                if runner.control.isStopRequested {
                    stop(.interrupted, reason: "interrupted")
                    return
                }
                let result = await CampaignRunner.poll(runner.calls, pollRequest(now, includeStragglers: false), admit: admission)
                try handlePoll(result, now: runner.clock.now)
                try await flush()
                if unknowns.isEmpty || stopping != nil || result.conclusive { break }
                failures += 1
                let delay = connectionBackoff.delay(failures: failures, using: &generator)
                runner.logger.info(
                    "reconciliation incomplete; retrying",
                    metadata: ["attempts.unresolved": "\(unknowns.count)", "retry.in": "\(delay.humanReadable)"]
                )
                try await runner.clock.sleep(for: delay)
            }
            reconciling = 0
        }

        // MARK: Starting calls

        /// Starts trigger tasks up to the concurrency and channel limits. Attempts come from a reserve whose
        /// rows are committed in one transaction per batch before any of their requests can be sent, so the
        /// store sees one write per batch rather than one per call.
        mutating func fill(_ group: inout ThrowingTaskGroup<Event, any Error>, _ now: C.Instant) async throws {
            while hasFreeSlot {
                if gate.nextSlot(now: now) > now.advanced(by: slotHorizon) { break }
                var isProbe = false
                if let wait = balance {
                    guard !wait.probeInFlight, now >= wait.nextProbe else { break }
                    isProbe = true
                }
                if reserveIndex >= reserve.count {
                    try await replenishReserve(now, size: isProbe ? 1 : configuration.concurrency)
                    if reserve.isEmpty { break }
                }
                var sent = reserve[reserveIndex]
                reserveIndex += 1
                if reserveIndex >= reserve.count {
                    reserve.removeAll(keepingCapacity: true)
                    reserveIndex = 0
                }
                sent.isProbe = isProbe
                if isProbe { balance?.probeInFlight = true }
                inflight += 1
                startTrigger(&group, sent, ticket: gate.reserve(now: now))
                if isProbe { break }
            }
        }

        /// Takes up to `size` due contacts, ends those that are suppressed, defers those outside their
        /// calling window, and commits an attempt row for each of the others in one transaction.
        mutating func replenishReserve(_ now: C.Instant, size: Int) async throws {
            reserve.removeAll(keepingCapacity: true)
            reserveIndex = 0
            let wall = date(now)
            while reserve.count < size, let contact = try await nextContact(now) {
                var lifecycle = ContactLifecycle(
                    status: contact.status,
                    attempts: contact.attempts,
                    nextAttemptAt: contact.nextAttemptAt
                )
                if contact.isSuppressed {
                    _ = lifecycle.suppressed()
                    record(contact, from: contact.status, lifecycle, lastError: "number is on the do-not-call list")
                    continue
                }
                if let opening = configuration.windowOpening(for: contact, at: wall) {
                    lifecycle.deferToWindow(opening: opening)
                    record(contact, from: contact.status, lifecycle)
                    continue
                }
                guard lifecycle.startAttempt(maxAttempts: configuration.redial.maxAttempts) == .trigger else {
                    // The attempt limit was lowered below what this contact already used.
                    lifecycle.giveUp(maxAttempts: configuration.redial.maxAttempts)
                    record(contact, from: contact.status, lifecycle)
                    continue
                }
                let attemptID = AttemptIdentity.id(campaign: attemptNamespace, contactID: contact.id, number: lifecycle.attempts)
                record(
                    contact,
                    from: contact.status,
                    lifecycle,
                    attempt: .start(id: attemptID, number: lifecycle.attempts, startedAt: wall)
                )
                reserve.append(
                    Sent(contact: contact, lifecycle: lifecycle, attemptID: attemptID, startedAt: wall, isProbe: false)
                )
            }
            try await flush()
        }

        /// Gives back the attempts reserved but never sent, when the run stops.
        mutating func releaseReserve() {
            for sent in reserve[reserveIndex...] {
                var lifecycle = sent.lifecycle
                _ = lifecycle.triggerFailed(.notSent(message: "not sent before the run stopped"))
                record(sent.contact, from: .dialing, lifecycle, attempt: .discard(id: sent.attemptID))
            }
            reserve.removeAll()
            reserveIndex = 0
        }

        /// Starts the task that sends one trigger once the gate admits it, unless a stop comes first.
        ///
        /// The task takes its paced slot when it is about to send, not when it is queued: a pause voids
        /// the slots taken before it, and the tasks waiting take new ones, spaced at the reduced pace,
        /// when it ends (no burst of stale slots, at any concurrency).
        func startTrigger(
            _ group: inout ThrowingTaskGroup<Event, any Error>,
            _ sent: Sent,
            ticket: SendSchedule<C.Instant>.Ticket
        ) {
            let request = CallRequest(
                attemptID: sent.attemptID,
                agentID: runner.agentID,
                contactNumber: sent.contact.phoneNumber,
                name: sent.contact.name,
                variables: sent.contact.variables,
                outboundNumber: configuration.outboundNumber,
                testMode: configuration.testMode
            )
            let calls = runner.calls
            let clock = runner.clock
            let gate = self.gate
            group.addTask {
                do {
                    let admitted = try await gate.waitForSlot(on: clock, ticket: ticket) { gate.isHolding && !sent.isProbe }
                    if !admitted { return .triggered(sent, .withdrawn) }
                } catch {
                    return .triggered(sent, .withdrawn)
                }
                if gate.isHolding && !sent.isProbe { return .triggered(sent, .withdrawn) }
                do throws(TriggerFailure) {
                    let callID = try await calls.placeCall(request)
                    return .triggered(sent, .accepted(callID))
                } catch {
                    return .triggered(sent, .failed(error))
                }
            }
        }

        /// The next due contact, querying the journal in batches.
        mutating func nextContact(_ now: C.Instant) async throws -> DueContact? {
            if queueIndex < queue.count {
                defer { queueIndex += 1 }
                return queue[queueIndex]
            }
            guard now >= nextRefillAt else { return nil }
            try await flush()
            // Walk the campaign by id from a cursor; at its end, start a new pass from the beginning.
            queue = try await journal.dueContacts(now: date(now), afterID: dueCursor, limit: refillSize)
            if queue.isEmpty, dueCursor > 0 {
                dueCursor = 0
                queue = try await journal.dueContacts(now: date(now), afterID: 0, limit: refillSize)
            }
            queueIndex = 0
            dueCursor = queue.last?.id ?? 0
            guard !queue.isEmpty else {
                dueExhausted = true
                nextRefillAt = now.advanced(by: min(.seconds(1), configuration.pollInterval))
                return nil
            }
            dueExhausted = false
            queueIndex = 1
            return queue[0]
        }

        // MARK: Answers

        mutating func handle(_ event: Event) throws {
            switch event {
            case .tick:
                tickerRunning = false
            case .polled(let result):
                pollRunning = false
                try handlePoll(result, now: runner.clock.now)
            case .triggered(let sent, let result):
                inflight -= 1
                handleTrigger(sent, result, now: runner.clock.now)
            }
        }

        mutating func handleTrigger(_ sent: Sent, _ result: TriggerResult, now: C.Instant) {
            var lifecycle = sent.lifecycle
            let wall = date(now)
            switch result {
            case .accepted(let callID):
                _ = lifecycle.triggerAccepted()
                placedCount += 1
                countPlaced(now)
                connectionFailures = 0
                if sent.isProbe, balance != nil {
                    balance = nil
                    gate.release()
                    runner.logger.info("wallet topped up; dialing again")
                }
                record(sent.contact, from: .dialing, lifecycle, attempt: .accepted(id: sent.attemptID, callID: callID, at: wall))
                followed[callID] = Followed(
                    contact: sent.contact,
                    lifecycle: lifecycle,
                    attemptID: sent.attemptID,
                    startedAt: sent.startedAt
                )
            case .withdrawn:
                _ = lifecycle.triggerFailed(.notSent(message: "withdrawn before sending"))
                record(sent.contact, from: .dialing, lifecycle, attempt: .discard(id: sent.attemptID))
                requeueFirst(sent.contact, lifecycle)
                if sent.isProbe { balance?.probeInFlight = false }
            case .failed(let failure):
                let action = lifecycle.triggerFailed(failure)
                switch action {
                case .requeue:
                    record(sent.contact, from: .dialing, lifecycle, attempt: .discard(id: sent.attemptID))
                    requeueFirst(sent.contact, lifecycle)
                    if case .rateLimited(let retryAfter) = failure {
                        rateLimited(now, retryAfter: retryAfter)
                    } else {
                        connectionFailures += 1
                        pausedForRateLimit = false
                        let delay = connectionBackoff.delay(failures: connectionFailures, using: &generator)
                        gate.pause(until: now.advanced(by: delay))
                        runner.logger.info("the API could not be reached; backing off", metadata: ["retry.in": "\(delay.humanReadable)"])
                    }
                    if sent.isProbe { balance?.probeInFlight = false }
                case .pauseCampaign:
                    record(sent.contact, from: .dialing, lifecycle, attempt: .discard(id: sent.attemptID))
                    requeueFirst(sent.contact, lifecycle)
                    insufficientBalance(now)
                case .stopRun:
                    record(sent.contact, from: .dialing, lifecycle, attempt: .discard(id: sent.attemptID))
                    if case .authentication(let message) = failure { authenticationFailure = message }
                    stop(.paused(.authentication), reason: "the API key was refused")
                case .suppress(let reason):
                    record(
                        sent.contact, from: .dialing, lifecycle,
                        attempt: .ended(id: sent.attemptID, outcome: "dnd", report: nil, error: reason, at: wall),
                        suppress: (sent.contact.phoneNumber, reason)
                    )
                    if sent.isProbe { balance?.probeInFlight = false }
                case .finish:
                    record(
                        sent.contact, from: .dialing, lifecycle,
                        attempt: .ended(id: sent.attemptID, outcome: "invalid", report: nil, error: lifecycle.lastError, at: wall)
                    )
                    if sent.isProbe { balance?.probeInFlight = false }
                case .reconcile:
                    record(
                        sent.contact, from: .dialing, lifecycle,
                        attempt: .ambiguous(id: sent.attemptID, error: lifecycle.lastError ?? "ambiguous answer")
                    )
                    unknowns[sent.attemptID] = Unknown(
                        contact: sent.contact,
                        lifecycle: lifecycle,
                        attemptID: sent.attemptID,
                        startedAt: sent.startedAt,
                        failedAt: wall
                    )
                    if sent.isProbe { balance?.probeInFlight = false }
                case .trigger, .follow, .redial, .rejected:
                    break
                }
            }
        }

        /// A 429, on a trigger or a poll: cuts the pace and pauses every request for `Retry-After` and a
        /// little jitter.
        mutating func rateLimited(_ now: C.Instant, retryAfter: Duration?) {
            rateLimitedCount += 1
            pausedForRateLimit = true
            let delay = rateLimitJitter.delay(failures: 1, retryAfter: retryAfter ?? .seconds(1), using: &generator)
            if let limit = gate.rateLimited(now: now, retryAfter: retryAfter, pauseUntil: now.advanced(by: delay)) {
                unsavedLearnedLimit = limit
            }
        }

        /// Puts a contact whose attempt placed nothing back at the head of the queue, so that it is the
        /// next one tried (the probe, after a 402).
        mutating func requeueFirst(_ contact: DueContact, _ lifecycle: ContactLifecycle) {
            var contact = contact
            contact.status = lifecycle.status
            contact.attempts = lifecycle.attempts
            contact.nextAttemptAt = nil
            queue.insert(contact, at: queueIndex)
        }

        /// A 402: without `--wait-for-balance` the run pauses; with it, one probe goes out at growing
        /// intervals until the wallet is topped up or the wait is over.
        mutating func insufficientBalance(_ now: C.Instant) {
            guard let limit = configuration.waitForBalance else {
                stop(.paused(.insufficientBalance), reason: "insufficient balance")
                return
            }
            if var wait = balance {
                wait.interval = min(wait.interval * 2, .seconds(300))
                wait.nextProbe = now.advanced(by: wait.interval)
                wait.probeInFlight = false
                balance = wait
                if wait.since.duration(to: now) >= limit {
                    stop(.paused(.insufficientBalance), reason: "insufficient balance")
                }
            } else {
                balance = BalanceWait(since: now, interval: .seconds(1), nextProbe: now.advanced(by: .seconds(1)))
                gate.hold()
                runner.logger.info("insufficient balance; probing until the wallet is topped up")
            }
        }

        mutating func stop(_ outcome: RunOutcome, reason: String) {
            guard stopping == nil else { return }
            stopping = outcome
            stoppingReason = reason
            balance = nil
            gate.hold()
        }

        /// Notices a stop request, and a `pause` or `cancel` run from another process.
        mutating func checkControl(_ now: C.Instant) async throws {
            if runner.control.isStopRequested { stop(.interrupted, reason: "interrupted") }
            guard lastControlCheck.duration(to: now) >= .seconds(1) else { return }
            lastControlCheck = now
            switch try await journal.campaignState() {
            case .paused(let reason): stop(.paused(reason), reason: "paused from another terminal")
            case .cancelled: stop(.cancelled, reason: "cancelled")
            default: break
            }
        }

        // MARK: Bookkeeping

        mutating func record(
            _ contact: DueContact,
            from old: ContactStatus,
            _ lifecycle: ContactLifecycle,
            attempt: JournalEntry.AttemptChange? = nil,
            lastError: String? = nil,
            suppress: (number: String, reason: String)? = nil
        ) {
            entries.append(
                JournalEntry(
                    contactID: contact.id,
                    status: lifecycle.status,
                    attempts: lifecycle.attempts,
                    nextAttemptAt: lifecycle.nextAttemptAt,
                    lastError: lastError ?? lifecycle.lastError,
                    attempt: attempt,
                    suppress: suppress
                )
            )
            move(from: old, to: lifecycle.status)
        }

        mutating func move(from old: ContactStatus, to new: ContactStatus) {
            guard old != new else { return }
            counts[old, default: 0] -= 1
            counts[new, default: 0] += 1
        }

        mutating func flush() async throws {
            if let limit = unsavedLearnedLimit, let key = runner.apiKeyFingerprint {
                try await journal.saveLearnedRateLimit(keyFingerprint: key, requestsPerSecond: limit, at: date(runner.clock.now))
                unsavedLearnedLimit = nil
            }
            guard !entries.isEmpty else { return }
            try await journal.apply(entries)
            entries.removeAll(keepingCapacity: true)
            lastFlush = runner.clock.now
        }

        mutating func countPlaced(_ now: C.Instant) {
            let elapsed = rateWindow.start.duration(to: now)
            if elapsed >= .seconds(2) {
                rateWindow = (now, 0, Double(rateWindow.count) / elapsed.timeInterval)
            }
            rateWindow.count += 1
        }

        /// Keeps one timer task in the group so the loop wakes for polls, due contacts and control checks.
        ///
        /// It wakes only for what the loop could then start: not for a poll while one is running (polls
        /// that outlast the poll interval would otherwise spin the loop), nor for a probe already in
        /// flight, nor for due contacts while every slot is taken. The answers of running tasks wake the
        /// loop by themselves.
        mutating func startTicker(_ group: inout ThrowingTaskGroup<Event, any Error>, _ now: C.Instant) async throws {
            guard !tickerRunning else { return }
            var wake = now.advanced(by: .seconds(1))
            if !pollRunning, !followed.isEmpty || !unknowns.isEmpty { wake = min(wake, max(nextPollAt, now)) }
            if let until = gate.pausedUntil(now: now) { wake = min(wake, until) }
            if stopping == nil, balance == nil, hasFreeSlot,
                !dueExhausted || queueIndex < queue.count || reserveIndex < reserve.count
            {
                // Triggers wait for the pacer's next slot to come within the horizon.
                wake = min(wake, max(gate.nextSlot(now: now).advanced(by: .zero - slotHorizon), now))
            }
            if let wait = balance, !wait.probeInFlight { wake = min(wake, max(wait.nextProbe, now)) }
            if dueExhausted, stopping == nil, hasFreeSlot {
                wake = min(wake, max(nextRefillAt, now))
                if inflight == 0, followed.isEmpty, unknowns.isEmpty, let next = try await journal.nextDueDate() {
                    wake = min(wake, max(instant(next), now))
                }
            }
            tickerRunning = true
            let clock = runner.clock
            group.addTask {
                try? await clock.sleep(until: wake, tolerance: nil)
                return .tick
            }
        }

        mutating func report(_ now: C.Instant, force: Bool) async {
            guard force || lastProgress.duration(to: now) >= .milliseconds(500) else { return }
            lastProgress = now
            let elapsed = rateWindow.start.duration(to: now)
            let rate = elapsed >= .seconds(1) ? Double(rateWindow.count) / elapsed.timeInterval : rateWindow.rate
            let phase: RunProgress.Phase
            if stopping != nil {
                phase = .stopping(reason: stoppingReason)
            } else if reconciling > 0 {
                phase = .reconciling(count: unknowns.count)
            } else if let wait = balance {
                phase = .waitingForBalance(nextProbe: date(wait.nextProbe))
            } else if let until = gate.pausedUntil(now: now) {
                phase = pausedForRateLimit ? .rateLimited(until: date(until)) : .unreachable(until: date(until))
            } else if isIdle || (dueExhausted && inflight == 0) {
                phase = .waiting(until: try? await journal.nextDueDate())
            } else {
                phase = .dialing
            }
            runner.onProgress(
                RunProgress(
                    total: total,
                    done: counts.filter { $0.key.isFinal }.values.reduce(0, +),
                    requestsInFlight: inflight,
                    activeCalls: followed.count,
                    counts: counts,
                    callsPerSecond: rate,
                    placed: placedCount,
                    rateLimited: rateLimitedCount,
                    pace: gate.currentRate(now: now),
                    phase: phase,
                    at: date(now)
                )
            )
        }
    }
}
