import Foundation

extension DispatchStateMachine {
    /// Whether to start the timer that wakes the loop.
    enum TimerAction: Sendable, Hashable {
        /// The timer is already running.
        case none
        /// Start a timer task that sleeps until `until`, then call ``timerFired()``.
        case sleep(until: Instant)
        /// Nothing is in flight and nothing is due: read the next due date and pass it to
        /// ``timerDueDateRead(_:now:)``, which says until when the timer sleeps.
        case readNextDueDate
    }

    /// The loop is about to wait: one timer task is kept running so that the loop wakes for polls, due
    /// contacts and control checks.
    ///
    /// It wakes only for what the loop could then start: not for a poll while one is running (polls that
    /// outlast the poll interval would otherwise spin the loop), nor for a probe already in flight, nor for
    /// due contacts while every slot is taken. The answers of running tasks wake the loop by themselves.
    /// - Parameters:
    ///   - now: The current instant.
    ///   - gate: The gate's state now, read only when no timer is running.
    mutating func timerNeeded(now: Instant, gate: @autoclosure () -> GateReading<Instant>) -> TimerAction {
        guard !timerRunning else { return .none }
        let gate = gate()
        var wake = now.advanced(by: .seconds(1))
        if !inFlight.pollRunning, inFlight.hasPollTargets { wake = min(wake, max(inFlight.nextPollAt, now)) }
        if let until = gate.pausedUntil { wake = min(wake, until) }
        if !stop.isStopping, balance == nil, hasFreeSlot, !due.isExhausted || due.hasQueued || !reserve.isEmpty {
            // Triggers wait for the pacer's next slot to come within the horizon.
            wake = min(wake, throttle.triggerWake(nextSlot: gate.nextSlot, now: now))
        }
        if let wait = balance, !wait.probeInFlight { wake = min(wake, max(wait.nextProbe, now)) }
        if due.isExhausted, !stop.isStopping, hasFreeSlot {
            wake = min(wake, max(due.nextLoadAt, now))
            if inFlight.triggers == 0, inFlight.followed.isEmpty, inFlight.unresolved.isEmpty {
                pendingWake = wake
                return .readNextDueDate
            }
        }
        timerRunning = true
        return .sleep(until: wake)
    }

    /// The next due date was read for the timer.
    /// - Parameters:
    ///   - next: When the first waiting contact becomes due, if one waits.
    ///   - now: The current instant.
    /// - Returns: The instant the timer task sleeps until; then call ``timerFired()``.
    mutating func timerDueDateRead(_ next: Date?, now: Instant) -> Instant {
        var wake = pendingWake ?? now.advanced(by: .seconds(1))
        pendingWake = nil
        if let next { wake = min(wake, max(timeline.instant(next), now)) }
        timerRunning = true
        return wake
    }

    /// The timer task woke the loop.
    mutating func timerFired() {
        timerRunning = false
    }
}
