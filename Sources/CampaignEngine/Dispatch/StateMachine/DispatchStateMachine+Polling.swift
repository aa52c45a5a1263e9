import CampaignStore
import Foundation

extension DispatchStateMachine {
    /// Whether to start a poll now.
    enum PollTimerAction: Sendable, Hashable {
        /// No poll is due.
        case none
        /// Start a poll task looking for `request`; pass its result to ``polled(_:now:)``.
        case startPoll(PollRequest)
    }

    /// What to do after a poll's answer.
    struct PollAnswerAction: Sendable, Hashable {
        /// What went wrong with the poll itself.
        enum Trouble: Sendable, Hashable {
            /// The API refused the key and the run began stopping: hold every sender that has not sent yet.
            case keyRefused
            /// A 429: cut the pace and pause every request until `pauseUntil`; pass a rate limit the gate
            /// learned from it to ``rateLimitLearned(_:)``.
            case rateLimited(retryAfter: Duration?, pauseUntil: Instant)
            /// The history could not be read; the next poll tries again (worth a log line).
            case historyUnreadable(error: String)
        }

        /// What went wrong, if anything.
        var trouble: Trouble?
        /// Ambiguous attempts the history showed placed nothing, whose contacts will be dialed again (each
        /// worth a debug line).
        var attemptsToRedial = 0
    }

    /// The loop is about to wait: a poll starts when calls are followed or attempts await reconciliation,
    /// none is running, and the poll interval has passed.
    mutating func pollDue(now: Instant) -> PollTimerAction {
        let timeline = timeline
        guard let request = inFlight.startPollIfDue(now: now, date: timeline.date(now)) else { return .none }
        return .startPoll(request)
    }

    /// A poll answered: ended calls are recorded (and redials scheduled), calls found for ambiguous attempts
    /// are followed, ambiguous attempts a conclusive scan did not find are given back once their grace is
    /// over, and calls past the campaign's bound are given up.
    /// - Parameters:
    ///   - result: What the poll found.
    ///   - now: The current instant.
    mutating func polled(_ result: PollResult, now: Instant) -> PollAnswerAction {
        inFlight.pollEnded()
        let wall = timeline.date(now)
        if let message = result.authenticationFailure {
            stop.authenticationFailure = message
            let started = beginStopping(.paused(.authentication), reason: "the API key was refused")
            return PollAnswerAction(trouble: started ? .keyRefused : nil)
        }
        var answer = PollAnswerAction()
        if let retryAfter = result.rateLimited {
            answer.trouble = .rateLimited(
                retryAfter: retryAfter,
                pauseUntil: throttle.rateLimited(now: now, retryAfter: retryAfter)
            )
        } else if let error = result.error {
            answer.trouble = .historyUnreadable(error: error)
        }
        for (callID, call) in inFlight.followed {
            followed(callID, call, report: result.reports[callID], at: wall)
        }
        for (attemptID, report) in result.matches {
            guard var attempt = inFlight.unresolved.removeValue(forKey: attemptID) else { continue }
            let from = attempt.lifecycle.status
            let action = attempt.lifecycle.reconciled(placed: true)
            guard action == .follow else { invalidTransition(action, on: "a call found for an ambiguous attempt") }
            record(
                attempt.contact,
                from: from,
                attempt.lifecycle,
                attempt: .accepted(id: attemptID, callID: report.callID, at: wall)
            )
            // The history may already show the end of the call: the next poll records it.
            inFlight.followed[report.callID] = InFlightRegistry.FollowedCall(
                contact: attempt.contact,
                lifecycle: attempt.lifecycle,
                attemptID: attemptID,
                startedAt: attempt.startedAt
            )
        }
        guard result.conclusive else { return answer }
        let grace = configuration.reconcileGrace.timeInterval
        for (attemptID, var attempt) in inFlight.unresolved where wall.timeIntervalSince(attempt.failedAt) >= grace {
            let from = attempt.lifecycle.status
            let action = attempt.lifecycle.reconciled(placed: false)
            guard action == .requeue else {
                invalidTransition(action, on: "an ambiguous attempt the history does not show")
            }
            record(attempt.contact, from: from, attempt.lifecycle, attempt: .discard(id: attemptID))
            inFlight.unresolved[attemptID] = nil
            answer.attemptsToRedial += 1
        }
        return answer
    }

    /// One followed call in a poll's answer: it ended, or is given up past the campaign's bound, or is
    /// followed on.
    private mutating func followed(
        _ callID: String,
        _ call: InFlightRegistry<Instant>.FollowedCall,
        report: CallReport?,
        at wall: Date
    ) {
        var call = call
        let overdue = wall.timeIntervalSince(call.startedAt) > configuration.callTimeout.timeInterval
        if report == nil { call.unseenPolls += 1 } else { call.unseenPolls = 0 }
        if let report, let outcome = report.outcome {
            let action = call.lifecycle.callEnded(outcome, policy: configuration.redial, now: wall)
            switch action {
            case .finish, .redial:
                record(
                    call.contact,
                    from: .inCall,
                    call.lifecycle,
                    attempt: .ended(id: call.attemptID, outcome: outcome.rawValue, report: report, error: nil, at: wall)
                )
            default:
                invalidTransition(action, on: "a call that ended")
            }
            inFlight.followed[callID] = nil
        } else if overdue {
            let action = call.lifecycle.callUnresolved(after: configuration.callTimeout)
            guard action == .finish else { invalidTransition(action, on: "a call past the campaign's bound") }
            record(
                call.contact,
                from: .inCall,
                call.lifecycle,
                attempt: .ended(
                    id: call.attemptID,
                    outcome: "unresolved",
                    report: report,
                    error: call.lifecycle.lastError,
                    at: wall
                )
            )
            inFlight.followed[callID] = nil
        } else {
            inFlight.followed[callID] = call
        }
    }
}
