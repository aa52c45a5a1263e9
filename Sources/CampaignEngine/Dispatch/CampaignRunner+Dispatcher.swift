import CampaignStore
import Foundation
import Logging

extension CampaignRunner {
    /// What wakes the run loop: a trigger task's answer, a poll's, or the timer.
    enum Event: Sendable {
        case triggered(DispatchAttempt, TriggerResult)
        case polled(PollResult)
        case tick
    }

    /// The run loop's shell around ``DispatchStateMachine``: it passes the machine what the journal, the API,
    /// the gate and the clock say, and carries out what the machine asks — journal reads and writes, trigger
    /// and poll tasks, the gate's pauses and holds, sleeps, logs and progress — deciding nothing itself. It
    /// lives in one task; only the trigger, poll and timer tasks it starts run concurrently, and they share
    /// nothing with it but the gate.
    struct Dispatcher {
        typealias StateMachine = DispatchStateMachine<C.Instant>

        let runner: CampaignRunner
        let gate: DispatchGate<C.Instant>
        var machine: StateMachine

        init(runner: CampaignRunner, untilIdle: Bool) {
            self.runner = runner
            let now = runner.clock.now
            gate = DispatchGate(pacer: Pacer(Pacer.Configuration(rate: runner.configuration.rate)), origin: now)
            machine = StateMachine(
                configuration: runner.configuration,
                untilIdle: untilIdle,
                timeline: RunTimeline(start: now, origin: runner.wallClockOrigin ?? Date()),
                jitterSeed: runner.jitterSeed,
                remembersRateLimit: runner.apiKeyFingerprint != nil
            )
        }

        var journal: any DispatchJournal { runner.journal }
        var clock: C { runner.clock }
        var logger: Logger { runner.logger }

        /// What the API said when it refused the key, if it did.
        var authenticationFailure: String? { machine.authenticationFailure }

        // MARK: The loop

        mutating func run() async throws -> RunOutcome {
            try await start()
            if let outcome = try await reconcile() { return outcome }
            return try await withThrowingTaskGroup(of: Event.self) { group in
                while true {
                    let now = clock.now
                    if runner.control.isStopRequested { hold(machine.controlChanged(.stopRequested)) }
                    if machine.stateCheckDue(now: now) == .readCampaignState {
                        hold(machine.campaignStateRead(try await journal.campaignState()))
                    }
                    try await fill(&group, now)
                    if case .startPoll(let request) = machine.pollDue(now: now) { startPoll(&group, request) }
                    switch machine.runEndCheck(now: now) {
                    case .none:
                        break
                    case .write(let write):
                        try await self.write(write)
                    case .finish(let outcome, let write):
                        if let write { try await self.write(write) }
                        group.cancelAll()
                        await report(now, force: true)
                        return outcome
                    case .finishIdle(let write):
                        if let write { try await self.write(write) }
                        let next = try await journal.nextDueDate()
                        group.cancelAll()
                        await report(now, force: true)
                        return .idle(nextDue: next)
                    }
                    try await startTimer(&group, now)
                    await report(now, force: false)
                    guard let event = try await group.next() else { continue }
                    try await handle(event)
                }
            }
        }

        /// Reads what the run starts from.
        mutating func start() async throws {
            let counts = try await journal.statusCounts()
            let namespace = try await journal.attemptNamespace()
            var learned: Double?
            if let key = runner.apiKeyFingerprint { learned = try await journal.learnedRateLimit(keyFingerprint: key) }
            let snapshot = StateMachine.RunSnapshot(
                counts: counts,
                attemptNamespace: namespace,
                learnedRateLimit: learned,
                unfinishedAttempts: try await journal.unfinishedAttempts(),
                callsInProgress: try await journal.callsInProgress()
            )
            switch machine.start(snapshot) {
            case .paceBelow(let limit):
                gate.startBelow(learnedLimit: limit, now: clock.now)
                logger.info("starting below the rate limit learned before", metadata: ["rate.limit": "\(limit)"])
            case .reconcile:
                break
            }
        }

        /// Looks every attempt an earlier run left unfinished up in the call history before anything new is
        /// dialed.
        /// - Returns: The outcome when the run ends before dialing.
        mutating func reconcile() async throws -> RunOutcome? {
            while true {
                let now = clock.now
                let round = machine.reconciliationRound(
                    now: now,
                    stopRequested: runner.control.isStopRequested,
                    gate: gate.reading(now: now)
                )
                switch round {
                case .dispatch:
                    return nil
                case .finish(let outcome, let progress):
                    if let progress { runner.onProgress(progress) }
                    return outcome
                case .poll(let request, let progress):
                    runner.onProgress(progress)
                    let result = await CampaignRunner.poll(runner.calls, request, admit: admission)
                    let answeredAt = clock.now
                    carryOut(machine.polled(result, now: answeredAt), at: answeredAt)
                    switch machine.reconciliationRoundEnded(conclusive: result.conclusive, now: clock.now) {
                    case .done(let write):
                        if let write { try await self.write(write) }
                    case .retry(let write, let delay, let unresolved):
                        if let write { try await self.write(write) }
                        logger.info(
                            "reconciliation incomplete; retrying",
                            metadata: ["attempts.unresolved": "\(unresolved)", "retry.in": "\(delay.humanReadable)"]
                        )
                        try await clock.sleep(for: delay)
                    }
                }
            }
        }

        /// Carries out one answer, then writes what is due.
        mutating func handle(_ event: Event) async throws {
            let now = clock.now
            switch event {
            case .tick:
                machine.timerFired()
            case .polled(let result):
                carryOut(machine.polled(result, now: now), at: now)
            case .triggered(let attempt, let result):
                carryOut(machine.triggerAnswered(attempt, result, now: now), at: now)
            }
            if let write = machine.writeDue(now: clock.now) { try await self.write(write) }
        }

        // MARK: Starting calls

        /// Starts trigger tasks for as long as the machine has attempts to send, replenishing its reserve
        /// from the journal when it asks.
        mutating func fill(_ group: inout ThrowingTaskGroup<Event, any Error>, _ now: C.Instant) async throws {
            let gate = self.gate
            while true {
                switch machine.nextSend(now: now, nextSlot: gate.nextSlot(now: now)) {
                case .none:
                    return
                case .trigger(let attempt):
                    startTrigger(&group, attempt, ticket: gate.reserve(now: now))
                case .replenish(let step):
                    guard let attempt = try await replenish(step, now) else { return }
                    startTrigger(&group, attempt, ticket: gate.reserve(now: now))
                }
            }
        }

        /// Loads due contacts and commits the reserve as the machine asks.
        /// - Returns: The first attempt of the committed reserve, or `nil` when none was reserved.
        mutating func replenish(
            _ step: StateMachine.ReplenishAction,
            _ now: C.Instant
        ) async throws -> DispatchAttempt? {
            var step = step
            while true {
                switch step {
                case .load(let query, let write):
                    if let write { try await self.write(write) }
                    let contacts = try await journal.dueContacts(now: query.now, afterID: query.afterID, limit: query.limit)
                    step = machine.dueContactsLoaded(contacts, for: query, now: now)
                case .commit(let write):
                    if let write { try await self.write(write) }
                    switch machine.reserveCommitted() {
                    case .trigger(let attempt): return attempt
                    case .none: return nil
                    }
                }
            }
        }

        /// Starts the task that sends one trigger once the gate admits it, unless a stop comes first.
        ///
        /// The task takes its paced slot when it is about to send, not when it is queued: a pause voids
        /// the slots taken before it, and the tasks waiting take new ones, spaced at the reduced pace,
        /// when it ends (no burst of stale slots, at any concurrency).
        func startTrigger(
            _ group: inout ThrowingTaskGroup<Event, any Error>,
            _ attempt: DispatchAttempt,
            ticket: SendSchedule<C.Instant>.Ticket
        ) {
            let request = CallRequest(
                attemptID: attempt.attemptID,
                agentID: runner.agentID,
                contactNumber: attempt.contact.phoneNumber,
                name: attempt.contact.name,
                variables: attempt.contact.variables,
                outboundNumber: runner.configuration.outboundNumber,
                testMode: runner.configuration.testMode
            )
            let calls = runner.calls
            let clock = runner.clock
            let gate = self.gate
            group.addTask {
                do {
                    let admitted = try await gate.waitForSlot(on: clock, ticket: ticket) {
                        gate.isHolding && !attempt.isProbe
                    }
                    if !admitted { return .triggered(attempt, .withdrawn) }
                } catch {
                    return .triggered(attempt, .withdrawn)
                }
                if gate.isHolding && !attempt.isProbe { return .triggered(attempt, .withdrawn) }
                do throws(TriggerFailure) {
                    let callID = try await calls.placeCall(request)
                    return .triggered(attempt, .accepted(callID: callID))
                } catch {
                    return .triggered(attempt, .failed(error))
                }
            }
        }

        // MARK: Polls, timer and progress

        /// Starts a poll task.
        func startPoll(_ group: inout ThrowingTaskGroup<Event, any Error>, _ request: PollRequest) {
            let calls = runner.calls
            let admit = admission
            group.addTask { .polled(await CampaignRunner.poll(calls, request, admit: admit)) }
        }

        /// What a poll's requests wait for: the end of a pause, and a paced slot while the API's limit
        /// binds (see ``SendSchedule/Kind/poll``).
        var admission: @Sendable () async throws -> Void {
            let gate = self.gate
            let clock = runner.clock
            return { _ = try await gate.waitForSlot(on: clock, ticket: nil, kind: .poll) }
        }

        /// Keeps one timer task in the group, as the machine asks.
        mutating func startTimer(_ group: inout ThrowingTaskGroup<Event, any Error>, _ now: C.Instant) async throws {
            let gate = self.gate
            let wake: C.Instant
            switch machine.timerNeeded(now: now, gate: gate.reading(now: now)) {
            case .none: return
            case .sleep(let until): wake = until
            case .readNextDueDate: wake = machine.timerDueDateRead(try await journal.nextDueDate(), now: now)
            }
            let clock = runner.clock
            group.addTask {
                try? await clock.sleep(until: wake, tolerance: nil)
                return .tick
            }
        }

        mutating func report(_ now: C.Instant, force: Bool) async {
            let gate = self.gate
            switch machine.progressDue(now: now, force: force, gate: gate.reading(now: now)) {
            case .none:
                break
            case .report(let progress):
                runner.onProgress(progress)
            case .reportWaiting(var progress):
                progress.phase = .waiting(until: try? await journal.nextDueDate())
                runner.onProgress(progress)
            }
        }

        // MARK: Carrying out

        /// Writes what the machine asked for and tells it.
        mutating func write(_ write: JournalWrite) async throws {
            if let learned = write.learnedRateLimit, let key = runner.apiKeyFingerprint {
                try await journal.saveLearnedRateLimit(
                    keyFingerprint: key,
                    requestsPerSecond: learned.requestsPerSecond,
                    at: learned.at
                )
            }
            if !write.entries.isEmpty { try await journal.apply(write.entries) }
            machine.writeCompleted(write, at: clock.now)
        }

        func hold(_ action: StateMachine.StopAction) {
            switch action {
            case .none: break
            case .holdSends: gate.hold()
            }
        }

        mutating func carryOut(_ action: StateMachine.TriggerAnswerAction, at now: C.Instant) {
            switch action {
            case .none:
                break
            case .resumeSending:
                gate.release()
                logger.info("wallet topped up; dialing again")
            case .cutPace(let retryAfter, let pauseUntil):
                cutPace(retryAfter: retryAfter, pauseUntil: pauseUntil, at: now)
            case .backOff(let until, let retryIn):
                gate.pause(until: until)
                logger.info(
                    "the API could not be reached; backing off",
                    metadata: ["retry.in": "\(retryIn.humanReadable)"]
                )
            case .holdForBalance:
                gate.hold()
                logger.info("insufficient balance; probing until the wallet is topped up")
            case .holdSends:
                gate.hold()
            }
        }

        mutating func carryOut(_ action: StateMachine.PollAnswerAction, at now: C.Instant) {
            switch action.trouble {
            case nil:
                break
            case .keyRefused:
                gate.hold()
            case .rateLimited(let retryAfter, let pauseUntil):
                cutPace(retryAfter: retryAfter, pauseUntil: pauseUntil, at: now)
            case .historyUnreadable(let error):
                logger.info(
                    "the call history could not be read; the next poll tries again",
                    metadata: ["error": "\(error)"]
                )
            }
            for _ in 0..<action.attemptsToRedial {
                logger.debug("no call found for an ambiguous attempt; it will be dialed again")
            }
        }

        /// A 429: the gate cuts the pace and pauses every request; the rate it learned is remembered.
        mutating func cutPace(retryAfter: Duration?, pauseUntil: C.Instant, at now: C.Instant) {
            if let limit = gate.rateLimited(now: now, retryAfter: retryAfter, pauseUntil: pauseUntil) {
                machine.rateLimitLearned(limit)
            }
        }
    }
}
