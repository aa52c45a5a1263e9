extension DispatchStateMachine {
    /// Whether to report progress.
    enum ProgressAction: Sendable, Hashable {
        /// Not now.
        case none
        /// Report this snapshot.
        case report(RunProgress)
        /// Report this snapshot once its phase, ``RunProgress/Phase/waiting(until:)``, says when the next
        /// contact is due, as read from the journal.
        case reportWaiting(RunProgress)
    }

    /// The loop is about to wait, or ends (`force`): progress is reported at most twice a second unless
    /// forced.
    /// - Parameters:
    ///   - now: The current instant.
    ///   - force: Whether to report whatever the time since the last report.
    ///   - gate: The gate's state now, read only when progress is due.
    mutating func progressDue(
        now: Instant,
        force: Bool,
        gate: @autoclosure () -> GateReading<Instant>
    ) -> ProgressAction {
        guard metrics.reportDue(now: now, force: force) else { return .none }
        let snapshot = progress(now: now, gate: gate())
        if case .waiting = snapshot.phase { return .reportWaiting(snapshot) }
        return .report(snapshot)
    }

    /// A snapshot of the run now; a waiting run's phase is `.waiting(until: nil)`.
    func progress(now: Instant, gate: GateReading<Instant>) -> RunProgress {
        let phase: RunProgress.Phase
        if stop.isStopping {
            phase = .stopping(reason: stop.reason)
        } else if metrics.isReconciling {
            phase = .reconciling(count: inFlight.unresolved.count)
        } else if let wait = balance {
            phase = .waitingForBalance(nextProbe: timeline.date(wait.nextProbe))
        } else if let until = gate.pausedUntil {
            let date = timeline.date(until)
            phase = throttle.pausedForRateLimit ? .rateLimited(until: date) : .unreachable(until: date)
        } else if isIdle || (due.isExhausted && inFlight.triggers == 0) {
            phase = .waiting(until: nil)
        } else {
            phase = .dialing
        }
        return RunProgress(
            total: metrics.total,
            done: metrics.doneCount,
            requestsInFlight: inFlight.triggers,
            activeCalls: inFlight.followed.count,
            counts: metrics.counts,
            callsPerSecond: metrics.callsPerSecond(now: now),
            placed: metrics.placed,
            rateLimited: throttle.rateLimitedCount,
            pace: gate.pace,
            phase: phase,
            at: timeline.date(now)
        )
    }
}
