import CampaignEngine
import CampaignStore
import Foundation
import Testing

/// History reads shared between the campaigns of one key, over the fake API and a manual clock.
@Suite("Shared history reads")
struct SharedHistoryCallServiceTests {
    @Test("polls of several campaigns within the age limit are one read; an older answer is read again")
    func sharing() async throws {
        let clock = ManualClock()
        let api = FakeVaani(clock: clock, origin: Date(timeIntervalSince1970: 1_800_000_000))
        let shared = SharedHistoryCallService(base: api, maxAge: .milliseconds(500), clock: clock)
        async let first = shared.callHistory(page: 1, pageSize: 200)
        async let second = shared.callHistory(page: 1, pageSize: 200)
        async let third = shared.callHistory(page: 1, pageSize: 200)
        _ = try await (first, second, third)
        #expect(api.historyRequests == 1)
        clock.advance(by: .milliseconds(400))
        _ = try await shared.callHistory(page: 1, pageSize: 200)
        #expect(api.historyRequests == 1, "an answer younger than the limit serves the next poll")
        _ = try await shared.callHistory(page: 2, pageSize: 200)
        #expect(api.historyRequests == 2, "another page is another read")
        clock.advance(by: .milliseconds(200))
        _ = try await shared.callHistory(page: 1, pageSize: 200)
        #expect(api.historyRequests == 3, "an answer older than the limit is read again")
    }

    @Test("a refused read is the answer of every poll that shared it")
    func sharedRefusal() async throws {
        let clock = ManualClock()
        let api = FakeVaani(clock: clock, origin: Date(timeIntervalSince1970: 1_800_000_000))
        api.rateLimitHistory([.seconds(2)])
        let shared = SharedHistoryCallService(base: api, maxAge: .milliseconds(500), clock: clock)
        await #expect(throws: TriggerFailure.self) { _ = try await shared.callHistory(page: 1, pageSize: 200) }
        await #expect(throws: TriggerFailure.self) { _ = try await shared.callHistory(page: 1, pageSize: 200) }
        #expect(api.historyRequests == 1)
    }
}
