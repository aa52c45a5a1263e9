public import CampaignStore
public import Foundation

/// A snapshot of a run, for live progress lines.
public struct RunProgress: Sendable, Hashable {
    /// What the runner is doing or waiting for.
    public enum Phase: Sendable, Hashable {
        /// Reconciling attempts left unfinished by an earlier run.
        case reconciling(count: Int)
        /// Dialing.
        case dialing
        /// Every sender pauses after a 429 until the given time.
        case rateLimited(until: Date)
        /// The API could not be reached; retrying at the given time.
        case unreachable(until: Date)
        /// The wallet is empty; probing with one contact, next at the given time.
        case waitingForBalance(nextProbe: Date)
        /// Nothing is due; the next contact becomes due at the given time.
        case waiting(until: Date?)
        /// Stopping: no new calls, in-flight requests finishing.
        case stopping(reason: String)
    }

    /// Contacts in the campaign.
    public var total: Int
    /// Contacts in a final status.
    public var done: Int
    /// Trigger requests in flight.
    public var requestsInFlight: Int
    /// Calls placed and not yet ended.
    public var activeCalls: Int
    /// Contacts in each status.
    public var counts: [ContactStatus: Int]
    /// Calls placed per second over the last few seconds.
    public var callsPerSecond: Double
    /// Calls placed in this run.
    public var placed: Int
    /// 429 answers in this run.
    public var rateLimited: Int
    /// The current pace limit in calls per second, `nil` when unlimited.
    public var pace: Double?
    /// What the runner is doing.
    public var phase: Phase
    /// The wall-clock time of the snapshot.
    public var at: Date

    /// Seconds until the contacts still to dial are dialed at the current rate, when it can be told.
    public var estimatedSecondsLeft: Double? {
        let left = total - done - activeCalls
        guard left > 0, callsPerSecond > 0.01 else { return left <= 0 ? 0 : nil }
        return Double(left) / callsPerSecond
    }
}
