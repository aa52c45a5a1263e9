import CampaignStore
import CampaignEngine
import Foundation
import Synchronization

/// A scripted stand-in for the remote Vaani API, on the test's manual clock: each number answers with
/// the scripted answers in order (then accepts), placed calls end after their scripted time, and the
/// history shows them newest first. The real API cannot run under a manual clock; the engine's real
/// client is exercised against the simulator in the end-to-end tests.
final class FakeVaani: CallService, Sendable {
    enum Answer: Sendable {
        /// Places the call; it ends with `status` after `endsAfter`.
        case accept(endsAfter: Duration = .seconds(1), status: String = "completed")
        case rateLimited(retryAfter: Duration?)
        case insufficientBalance
        case authentication
        case forbidden(String)
        case validation(String)
        case notSent
        /// Places the call, then answers ambiguously (a 5xx after placing, a timeout).
        case placedThenAmbiguous
        /// Answers ambiguously without placing anything.
        case ambiguousNothingPlaced
    }

    struct Placed: Sendable {
        var callID: String
        var number: String
        var attemptID: String
        var createdAt: ManualClock.Instant
        var endsAt: ManualClock.Instant
        var finalStatus: String
    }

    struct Trigger: Sendable {
        var number: String
        var at: ManualClock.Instant
        var attemptID: String
    }

    private struct State {
        var scripts: [String: [Answer]] = [:]
        var placed: [Placed] = []
        var triggers: [Trigger] = []
        var historyRequests = 0
        /// When each history or details request came.
        var pollTimes: [ManualClock.Instant] = []
        /// `Retry-After`s the next history requests answer 429 with, in order.
        var historyRateLimits: [Duration?] = []
        var detailsRequests = 0
        var defaultAnswer: Answer = .accept()
        var sendsMetadata = true
    }

    let clock: ManualClock
    let origin: Date
    private let state = Mutex(State())

    init(clock: ManualClock, origin: Date) {
        self.clock = clock
        self.origin = origin
    }

    func script(_ number: String, _ answers: [Answer]) {
        state.withLock { $0.scripts[number] = answers }
    }

    func setDefault(_ answer: Answer) {
        state.withLock { $0.defaultAnswer = answer }
    }

    /// Whether history records carry the attempt id in their metadata.
    func setSendsMetadata(_ value: Bool) {
        state.withLock { $0.sendsMetadata = value }
    }

    /// Places a call as if an earlier process had triggered it.
    func placeDirectly(number: String, attemptID: UUID, endsAfter: Duration) -> String {
        state.withLock { state in
            let now = clock.now
            let callID = "call-\(state.placed.count + 1)"
            state.placed.append(
                Placed(
                    callID: callID, number: number, attemptID: attemptID.uuidString.lowercased(), createdAt: now,
                    endsAt: now.advanced(by: endsAfter), finalStatus: "completed"
                )
            )
            return callID
        }
    }

    var placed: [Placed] { state.withLock { $0.placed } }
    var triggers: [Trigger] { state.withLock { $0.triggers } }
    var historyRequests: Int { state.withLock { $0.historyRequests } }
    var pollTimes: [ManualClock.Instant] { state.withLock { $0.pollTimes } }

    /// Makes the next history requests answer 429, one per `Retry-After` given.
    func rateLimitHistory(_ retryAfters: [Duration?]) {
        state.withLock { $0.historyRateLimits += retryAfters }
    }

    func placeCall(_ request: CallRequest) async throws(TriggerFailure) -> String {
        let now = clock.now
        let answer = state.withLock { state -> Answer in
            state.triggers.append(Trigger(number: request.contactNumber, at: now, attemptID: request.metadata["attempt_id"] ?? ""))
            if var script = state.scripts[request.contactNumber], !script.isEmpty {
                let answer = script.removeFirst()
                state.scripts[request.contactNumber] = script
                return answer
            }
            return state.defaultAnswer
        }
        func place(endsAfter: Duration, status: String) -> String {
            state.withLock { state in
                let callID = "call-\(state.placed.count + 1)"
                state.placed.append(
                    Placed(
                        callID: callID, number: request.contactNumber, attemptID: request.metadata["attempt_id"] ?? "",
                        createdAt: now, endsAt: now.advanced(by: endsAfter), finalStatus: status
                    )
                )
                return callID
            }
        }
        switch answer {
        case .accept(let endsAfter, let status): return place(endsAfter: endsAfter, status: status)
        case .rateLimited(let retryAfter): throw .rateLimited(retryAfter: retryAfter)
        case .insufficientBalance: throw .insufficientBalance(message: "insufficient wallet balance")
        case .authentication: throw .authentication(message: "invalid API key")
        case .forbidden(let message): throw .forbidden(message: message)
        case .validation(let message): throw .validation(message: message)
        case .notSent: throw .notSent(message: "connection refused")
        case .placedThenAmbiguous:
            _ = place(endsAfter: .seconds(1), status: "completed")
            throw .ambiguous(message: "HTTP 502 after placing")
        case .ambiguousNothingPlaced: throw .ambiguous(message: "HTTP 503")
        }
    }

    func callHistory(page: Int, pageSize: Int) async throws -> (records: [CallReport], totalPages: Int?) {
        let now = clock.now
        let (all, sendsMetadata, limited) = state.withLock { state in
            state.historyRequests += 1
            state.pollTimes.append(now)
            let limited: Duration?? = state.historyRateLimits.isEmpty ? nil : .some(state.historyRateLimits.removeFirst())
            return (state.placed, state.sendsMetadata, limited)
        }
        if let retryAfter = limited { throw TriggerFailure.rateLimited(retryAfter: retryAfter) }
        let newestFirst = all.reversed().map { report($0, now: now, sendsMetadata: sendsMetadata) }
        let start = (page - 1) * pageSize
        let pages = max(1, (newestFirst.count + pageSize - 1) / pageSize)
        guard start < newestFirst.count else { return ([], pages) }
        return (Array(newestFirst[start..<min(newestFirst.count, start + pageSize)]), pages)
    }

    func callDetails(callID: String) async throws -> CallReport {
        let now = clock.now
        let found = state.withLock { state in
            state.detailsRequests += 1
            state.pollTimes.append(now)
            return state.placed.first { $0.callID == callID }
        }
        guard let found else { throw TriggerFailure.validation(message: "no call \(callID)") }
        return report(found, now: now, sendsMetadata: true)
    }

    private func report(_ placed: Placed, now: ManualClock.Instant, sendsMetadata: Bool) -> CallReport {
        let ended = now >= placed.endsAt
        return CallReport(
            callID: placed.callID,
            callStatus: ended ? placed.finalStatus : "in_progress",
            contactNumber: placed.number,
            attemptID: sendsMetadata ? placed.attemptID : nil,
            createdAt: origin.addingTimeInterval(placed.createdAt.offset.timeInterval),
            durationMilliseconds: ended ? Int(placed.createdAt.duration(to: placed.endsAt).milliseconds) : nil,
            summary: ended ? "spoke with the contact" : nil,
            disposition: ended ? "interested" : nil,
            entityJSON: ended ? #"{"intent":"renew"}"# : nil,
            cost: ended ? 0.5 : nil
        )
    }
}
