import CampaignStore

extension DispatchStateMachine {
    /// A request from outside the run to stop it.
    enum ControlChange: Sendable, Hashable {
        /// A signal asked the run to stop; the campaign stays resumable.
        case stopRequested
        /// The campaign was paused from another process.
        case paused(CampaignLifecycle.PauseReason)
        /// The campaign was cancelled from another process.
        case cancelled
    }

    /// What to do after a control change.
    enum StopAction: Sendable, Hashable {
        /// Nothing: the run goes on, or was already stopping.
        case none
        /// The run began stopping: hold every sender that has not sent yet.
        case holdSends
    }

    /// Whether to read the stored campaign state.
    enum StateCheckAction: Sendable, Hashable {
        /// Not yet.
        case none
        /// Read it and pass it to ``campaignStateRead(_:)``.
        case readCampaignState
    }

    /// How the loop goes on, once sends and polls are started.
    enum RunEndAction: Sendable, Hashable {
        /// It waits for the next answer or timer.
        case none
        /// Everything is quiet: write `write`, then wait for the next answer or timer.
        case write(JournalWrite)
        /// The run ends with `outcome` after writing `write` (when there is one).
        case finish(RunOutcome, write: JournalWrite?)
        /// Only future work remains (`--until-idle`): write `write` (when there is one), read the next due
        /// date and end the run as ``RunOutcome/idle(nextDue:)``.
        case finishIdle(write: JournalWrite?)
    }

    /// Someone outside the run asked it to stop.
    mutating func controlChanged(_ change: ControlChange) -> StopAction {
        let started: Bool
        switch change {
        case .stopRequested: started = beginStopping(.interrupted, reason: "interrupted")
        case .paused(let reason): started = beginStopping(.paused(reason), reason: "paused from another terminal")
        case .cancelled: started = beginStopping(.cancelled, reason: "cancelled")
        }
        return started ? .holdSends : .none
    }

    /// The loop woke: the stored campaign state is read once a second, to notice a `pause` or `cancel` run
    /// from another process.
    mutating func stateCheckDue(now: Instant) -> StateCheckAction {
        stop.stateCheckDue(now: now) ? .readCampaignState : .none
    }

    /// The stored campaign state was read.
    mutating func campaignStateRead(_ state: CampaignLifecycle.State) -> StopAction {
        switch state {
        case .paused(let reason): controlChanged(.paused(reason))
        case .cancelled: controlChanged(.cancelled)
        case .ready, .running, .completed: .none
        }
    }

    /// The loop has started what it can: a stopping run ends once no trigger or poll is in flight, giving
    /// back the attempts reserved but never sent; a run with nothing left in flight or due completes, or
    /// with `--until-idle` ends as idle, and otherwise writes what is waiting.
    mutating func runEndCheck(now: Instant) -> RunEndAction {
        if let outcome = stop.outcome {
            guard inFlight.triggers == 0, !inFlight.pollRunning else { return .none }
            releaseReserve(now: now)
            return .finish(outcome, write: takeWrite(now))
        }
        guard isIdle else { return .none }
        let write = takeWrite(now)
        if metrics.nonFinalCount == 0 { return .finish(.completed, write: write) }
        if untilIdle { return .finishIdle(write: write) }
        return write.map(RunEndAction.write) ?? .none
    }

    /// Gives back the attempts reserved but never sent, when the run stops.
    private mutating func releaseReserve(now: Instant) {
        for attempt in reserve.takeAll() {
            var lifecycle = attempt.lifecycle
            let action = lifecycle.triggerFailed(.notSent(message: "not sent before the run stopped"))
            guard action == .requeue else { invalidTransition(action, on: "an attempt never sent") }
            record(attempt.contact, from: .dialing, lifecycle, attempt: .discard(id: attempt.attemptID))
        }
    }
}
