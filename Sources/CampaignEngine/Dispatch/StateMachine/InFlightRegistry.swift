import CampaignStore
import Foundation

/// What the run loop has in flight: trigger requests, placed calls being followed to their end, ambiguous
/// attempts waiting to be found in the call history, and the history poll.
struct InFlightRegistry<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// A placed call being followed to its end.
    struct FollowedCall: Sendable, Hashable {
        /// The contact called.
        var contact: DueContact
        /// The contact's lifecycle, `in_call`.
        var lifecycle: ContactLifecycle
        /// The attempt.
        var attemptID: UUID
        /// When the attempt started.
        var startedAt: Date
        /// Polls in a row whose history did not show the call.
        var unseenPolls = 0
    }

    /// An attempt whose trigger failed ambiguously (or was left unfinished by an earlier run), waiting for
    /// the call history to show whether it placed a call.
    struct UnresolvedAttempt: Sendable, Hashable {
        /// The contact dialed.
        var contact: DueContact
        /// The contact's lifecycle, `unknown` or `dialing`.
        var lifecycle: ContactLifecycle
        /// The attempt.
        var attemptID: UUID
        /// When the attempt started.
        var startedAt: Date
        /// When its outcome became unknown; the reconciliation grace counts from here.
        var failedAt: Date
    }

    /// How often the followed calls and unresolved attempts are looked up.
    let pollInterval: Duration
    /// Trigger requests in flight.
    private(set) var triggers = 0
    /// Followed calls, by call id.
    var followed: [String: FollowedCall] = [:]
    /// Unresolved attempts, by attempt id.
    var unresolved: [UUID: UnresolvedAttempt] = [:]
    /// Whether a poll is running.
    private(set) var pollRunning = false
    /// When the next poll may start.
    private(set) var nextPollAt: Instant

    /// Creates an empty registry whose first poll may start at once.
    init(pollInterval: Duration, now: Instant) {
        self.pollInterval = pollInterval
        nextPollAt = now
    }

    /// A trigger task started.
    mutating func triggerStarted() { triggers += 1 }

    /// A trigger task answered.
    mutating func triggerEnded() { triggers -= 1 }

    /// Whether another trigger may start: fewer than `concurrency` requests in flight, and fewer than
    /// `activeLimit` calls in flight, placed or ambiguous.
    func hasFreeSlot(concurrency: Int, activeLimit: Int) -> Bool {
        triggers < concurrency && triggers + followed.count + unresolved.count < activeLimit
    }

    /// Whether calls are followed or attempts await reconciliation.
    var hasPollTargets: Bool { !followed.isEmpty || !unresolved.isEmpty }

    /// Whether nothing at all is in flight.
    var isEmpty: Bool { triggers == 0 && followed.isEmpty && unresolved.isEmpty && !pollRunning }

    /// Starts a poll when there is something to look up, none is running and the interval has passed.
    /// - Returns: What the poll looks for, or `nil` when no poll starts.
    mutating func startPollIfDue(now: Instant, date: @autoclosure () -> Date) -> PollRequest? {
        guard !pollRunning, hasPollTargets, now >= nextPollAt else { return nil }
        pollRunning = true
        nextPollAt = now.advanced(by: pollInterval)
        return pollRequest(at: date(), includeStragglers: true)
    }

    /// The poll that started last answered.
    mutating func pollEnded() { pollRunning = false }

    /// The poll that the current targets need.
    /// - Parameters:
    ///   - date: The current wall-clock time.
    ///   - includeStragglers: Whether to ask for the details of calls the history has not shown lately.
    func pollRequest(at date: Date, includeStragglers: Bool) -> PollRequest {
        var oldest = date
        for call in followed.values { oldest = min(oldest, call.startedAt) }
        var targets: [String: PollRequest.Target] = [:]
        for attempt in unresolved.values {
            oldest = min(oldest, attempt.startedAt)
            targets[attempt.attemptID.uuidString.lowercased()] = PollRequest.Target(
                number: attempt.contact.phoneNumber,
                startedAt: attempt.startedAt,
                id: attempt.attemptID
            )
        }
        let stragglers =
            includeStragglers ? Array(followed.filter { $0.value.unseenPolls >= 2 }.keys.sorted().prefix(32)) : []
        let count = followed.count + unresolved.count
        // Followed calls are recent, so a few pages usually find them and details catch the rest. An
        // ambiguous attempt can only be settled by a scan that reaches calls older than its start, however
        // many calls were placed since (by this or any other campaign on the account): its scan is unbounded
        // and ends at the first page older than the attempt or at the end of the history.
        let maxPages = unresolved.isEmpty ? min(1000, max(5, count / 50 + 5)) : Int.max
        return PollRequest(
            callIDs: Set(followed.keys),
            unknowns: targets,
            oldest: oldest.addingTimeInterval(-120),
            details: stragglers,
            maxPages: maxPages
        )
    }
}
