public import CampaignStore
import Synchronization

/// A ``CallService`` whose history reads are shared: a page asked for while the same page is being
/// read, or within `maxAge` of the start of the last read of it, is answered by that read (its records,
/// or its error, such as a 429) instead of a new request. Campaigns on one key poll the same account
/// history; this makes their polls one scan. Triggers and details pass straight through.
public final class SharedHistoryCallService<C: Clock>: CallService, Sendable where C.Duration == Duration {
    private typealias Page = (records: [CallReport], totalPages: Int?)

    private struct PageKey: Hashable {
        var page: Int
        var pageSize: Int
    }

    private enum Entry {
        /// A read is under way; these polls wait for its answer.
        case reading(waiters: [CheckedContinuation<Page, any Error>], startedAt: C.Instant)
        /// The last read's answer, and when that read started.
        case read(Result<Page, any Error>, startedAt: C.Instant)
    }

    private enum Step {
        case answer(Result<Page, any Error>)
        case join
        case lead
    }

    private let base: any CallService
    private let maxAge: Duration
    private let clock: C
    private let entries = Mutex<[PageKey: Entry]>([:])

    /// Wraps `base`.
    /// - Parameters:
    ///   - base: The API.
    ///   - maxAge: How long after a read started its answer still serves another poll.
    ///   - clock: The clock that ages answers.
    public init(base: any CallService, maxAge: Duration, clock: C) {
        self.base = base
        self.maxAge = maxAge
        self.clock = clock
    }

    public func placeCall(_ request: CallRequest) async throws(TriggerFailure) -> String {
        try await base.placeCall(request)
    }

    public func callHistory(page: Int, pageSize: Int) async throws -> (records: [CallReport], totalPages: Int?) {
        let key = PageKey(page: page, pageSize: pageSize)
        let now = clock.now
        let maxAge = maxAge
        let step = entries.withLock { entries -> Step in
            switch entries[key] {
            case .read(let result, let startedAt) where startedAt.duration(to: now) < maxAge:
                return .answer(result)
            case .reading:
                return .join
            default:
                entries[key] = .reading(waiters: [], startedAt: now)
                return .lead
            }
        }
        switch step {
        case .answer(let result):
            return try result.get()
        case .join:
            return try await withCheckedThrowingContinuation { continuation in
                let settled = entries.withLock { entries -> Result<Page, any Error>? in
                    switch entries[key] {
                    case .reading(var waiters, let startedAt):
                        waiters.append(continuation)
                        entries[key] = .reading(waiters: waiters, startedAt: startedAt)
                        return nil
                    case .read(let result, _):
                        return result
                    case nil:
                        return .failure(CancellationError())
                    }
                }
                if let settled { continuation.resume(with: settled) }
            }
        case .lead:
            // The read runs in the task of the poll that came first; the others wait for its answer.
            let result: Result<Page, any Error>
            do {
                result = .success(try await base.callHistory(page: page, pageSize: pageSize))
            } catch {
                result = .failure(error)
            }
            let waiters = entries.withLock { entries -> [CheckedContinuation<Page, any Error>] in
                guard case .reading(let waiters, let startedAt) = entries[key] else { return [] }
                entries[key] = .read(result, startedAt: startedAt)
                return waiters
            }
            for waiter in waiters { waiter.resume(with: result) }
            return try result.get()
        }
    }

    public func callDetails(callID: String) async throws -> CallReport {
        try await base.callDetails(callID: callID)
    }
}
