import CampaignStore
import Testing
import VaaniAPI

@testable import VaaniDialerCLI

/// Following a call: each status reported once, in order; a call not listed yet looked up again;
/// time running out.
@Suite("following a call")
struct CallFollowerTests {
    /// Answers with the statuses in turn, then the last one forever; `nil` is a 404.
    final class Script: @unchecked Sendable {
        var statuses: [CallStatus?]
        var lookups = 0
        init(_ statuses: [CallStatus?]) { self.statuses = statuses }

        func details(_ callID: String) throws -> CallRecord {
            let status = statuses[min(lookups, statuses.count - 1)]
            lookups += 1
            guard let status else { throw VaaniError(kind: .notFound, statusCode: 404, message: "Call \(callID) not found") }
            return CallRecord(callID: callID, status: status)
        }
    }

    // A deadline no test reaches, however loaded the machine: only the timeout test runs out of time.
    let follower = CallFollower(pollInterval: .milliseconds(1), timeout: .seconds(600), clock: ContinuousClock())

    @Test("queued, ringing, in progress, completed: each reported once, the record returned")
    func toTheEnd() async throws {
        let script = Script([nil, .queued, .queued, .ringing, .inProgress, .inProgress, .completed])
        var reported: [CallStatus] = []
        let outcome = try await follower.follow(callID: "c1", details: { try script.details($0) }) { reported.append($0) }
        #expect(reported == [.queued, .ringing, .inProgress, .completed])
        guard case .ended(let record) = outcome else { Issue.record("not ended: \(outcome)"); return }
        #expect(record.callID == "c1" && record.status == .completed)
        #expect(script.lookups == 7)
    }

    @Test("time runs out: the last record seen")
    func timeout() async throws {
        let script = Script([.ringing])
        let short = CallFollower(pollInterval: .milliseconds(5), timeout: .milliseconds(40), clock: ContinuousClock())
        let outcome = try await short.follow(callID: "c2", details: { try script.details($0) }) { _ in }
        guard case .timedOut(let record) = outcome else { Issue.record("not timed out: \(outcome)"); return }
        #expect(record?.status == .ringing)
    }

    @Test("a 404 after the call was seen is an error, not a wait")
    func vanished() async throws {
        let script = Script([.ringing, nil])
        await #expect(throws: VaaniError.self) {
            _ = try await follower.follow(callID: "c3", details: { try script.details($0) }) { _ in }
        }
    }
}
