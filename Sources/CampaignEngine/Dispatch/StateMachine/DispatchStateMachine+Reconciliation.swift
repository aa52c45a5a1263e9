import CampaignStore
import Foundation

extension DispatchStateMachine {
    /// What the journal holds when the run starts.
    struct RunSnapshot: Sendable, Hashable {
        /// Contacts in each status.
        var counts: [ContactStatus: Int]
        /// What attempt ids are derived from.
        var attemptNamespace: String
        /// The rate limit an earlier run learned for the API key, if any.
        var learnedRateLimit: Double?
        /// Attempts left `dialing` or `unknown` by an earlier run.
        var unfinishedAttempts: [OpenAttempt]
        /// Calls left `in_call` by an earlier run.
        var callsInProgress: [OpenAttempt]
    }

    /// What to do when the run starts.
    enum StartAction: Sendable, Hashable {
        /// Start the pace just below the limit an earlier run learned, then reconcile.
        case paceBelow(learnedLimit: Double)
        /// Reconcile (``reconciliationRound(now:stopRequested:gate:)``).
        case reconcile
    }

    /// What to do at the start of a round of reconciliation.
    enum ReconciliationRoundAction: Sendable, Hashable {
        /// Report `progress`, then look the unresolved attempts up with `request`; pass the result to
        /// ``polled(_:now:)`` and then ``reconciliationRoundEnded(conclusive:now:)``.
        case poll(PollRequest, progress: RunProgress)
        /// Nothing is left to reconcile: start dialing.
        case dispatch
        /// The run ends before dialing anything, reporting `progress` first when there is one.
        case finish(RunOutcome, progress: RunProgress?)
    }

    /// What to do when a round of reconciliation has been carried out.
    enum ReconciliationRoundEndAction: Sendable, Hashable {
        /// Write what the poll settled; reconciliation is over.
        case done(JournalWrite?)
        /// Write what the poll settled, then wait `after` and start another round: the scan did not cover
        /// every unresolved attempt, `unresolved` of which are left.
        case retry(JournalWrite?, after: Duration, unresolved: Int)
    }

    /// The run starts with what the journal holds. Attempts left `dialing` or `unknown` await
    /// reconciliation; calls left `in_call` are followed again.
    mutating func start(_ snapshot: RunSnapshot) -> StartAction {
        metrics.start(counts: snapshot.counts)
        attemptNamespace = snapshot.attemptNamespace
        for open in snapshot.unfinishedAttempts {
            inFlight.unresolved[open.attemptID] = InFlightRegistry.UnresolvedAttempt(
                contact: open.contact,
                lifecycle: ContactLifecycle(status: open.contact.status, attempts: open.contact.attempts),
                attemptID: open.attemptID,
                startedAt: open.startedAt,
                failedAt: open.startedAt
            )
        }
        for open in snapshot.callsInProgress {
            guard let callID = open.callID else { continue }
            inFlight.followed[callID] = InFlightRegistry.FollowedCall(
                contact: open.contact,
                lifecycle: ContactLifecycle(status: .inCall, attempts: open.contact.attempts),
                attemptID: open.attemptID,
                startedAt: open.startedAt
            )
        }
        metrics.isReconciling = !inFlight.unresolved.isEmpty
        if let limit = snapshot.learnedRateLimit { return .paceBelow(learnedLimit: limit) }
        return .reconcile
    }

    /// A round of reconciliation begins: every attempt left unfinished is looked up in the call history
    /// before anything new is dialed. An attempt the history does not show is given up only once its
    /// start is ``EngineConfiguration/reconcileGrace`` old — a request sent just before a crash may still
    /// be on its way to the API — and until then its contact waits, unknown, while the run dials others.
    /// - Parameters:
    ///   - now: The current instant.
    ///   - stopRequested: Whether a signal asked the run to stop.
    ///   - gate: The gate's state now.
    mutating func reconciliationRound(now: Instant, stopRequested: Bool, gate: GateReading<Instant>)
        -> ReconciliationRoundAction
    {
        if reconciliationOver || inFlight.unresolved.isEmpty {
            reconciliationOver = true
            metrics.isReconciling = false
            if let outcome = stop.outcome { return .finish(outcome, progress: nil) }
            return .dispatch
        }
        metrics.reported(at: now)
        let progress = progress(now: now, gate: gate)
        if stopRequested {
            beginStopping(.interrupted, reason: "interrupted")
            return .finish(.interrupted, progress: progress)
        }
        return .poll(inFlight.pollRequest(at: timeline.date(now), includeStragglers: false), progress: progress)
    }

    /// The poll of a round of reconciliation was answered (and ``polled(_:now:)`` carried out).
    /// - Parameters:
    ///   - conclusive: Whether the scan covered everything since the oldest attempt started.
    ///   - now: The current instant.
    mutating func reconciliationRoundEnded(conclusive: Bool, now: Instant) -> ReconciliationRoundEndAction {
        let write = takeWrite(now)
        if inFlight.unresolved.isEmpty || stop.isStopping || conclusive {
            reconciliationOver = true
            return .done(write)
        }
        return .retry(write, after: throttle.scanIncomplete(), unresolved: inFlight.unresolved.count)
    }
}
