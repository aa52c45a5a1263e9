import CampaignStore
import Foundation
import Testing

@testable import CampaignEngine

@Suite("In-flight registry")
struct InFlightRegistryTests {
    typealias Registry = InFlightRegistry<TestInstant>

    static func followed(_ id: Int64, startedAt: Int = 0, unseen: Int = 0) -> Registry.FollowedCall {
        let contact = Fixture.contact(id, status: .inCall, attempts: 1)
        return Registry.FollowedCall(
            contact: contact,
            lifecycle: ContactLifecycle(status: .inCall, attempts: 1),
            attemptID: Fixture.attemptID(id),
            startedAt: Fixture.date(startedAt),
            unseenPolls: unseen
        )
    }

    static func unresolved(_ id: Int64, startedAt: Int) -> Registry.UnresolvedAttempt {
        Registry.UnresolvedAttempt(
            contact: Fixture.contact(id, status: .unknown, attempts: 1),
            lifecycle: ContactLifecycle(status: .unknown, attempts: 1),
            attemptID: Fixture.attemptID(id),
            startedAt: Fixture.date(startedAt),
            failedAt: Fixture.date(startedAt)
        )
    }

    @Test(
        "slots count triggers against the concurrency, and triggers, calls and ambiguous attempts against the channel limit"
    )
    func slots() {
        var registry = Registry(pollInterval: .milliseconds(500), now: Fixture.at(0))
        #expect(registry.isEmpty && !registry.hasPollTargets)
        registry.triggerStarted()
        #expect(registry.triggers == 1 && !registry.isEmpty)
        #expect(!registry.hasFreeSlot(concurrency: 1, activeLimit: 10))
        #expect(registry.hasFreeSlot(concurrency: 2, activeLimit: 10))
        registry.followed["call-1"] = Self.followed(1)
        registry.unresolved[Fixture.attemptID(2)] = Self.unresolved(2, startedAt: 0)
        #expect(!registry.hasFreeSlot(concurrency: 5, activeLimit: 3))
        #expect(registry.hasFreeSlot(concurrency: 5, activeLimit: 4))
        registry.triggerEnded()
        #expect(registry.triggers == 0 && registry.hasPollTargets && !registry.isEmpty)
    }

    @Test("a poll starts when there is something to look up, none runs and the interval has passed")
    func pollTimer() {
        var registry = Registry(pollInterval: .milliseconds(500), now: Fixture.at(0))
        #expect(registry.startPollIfDue(now: Fixture.at(0), date: Fixture.date(0)) == nil)
        registry.followed["call-1"] = Self.followed(1)
        let request = registry.startPollIfDue(now: Fixture.at(10), date: Fixture.date(10))
        #expect(request?.callIDs == ["call-1"])
        #expect(registry.pollRunning && !registry.isEmpty)
        #expect(registry.nextPollAt == Fixture.at(510))
        #expect(registry.startPollIfDue(now: Fixture.at(600), date: Fixture.date(600)) == nil)
        registry.pollEnded()
        #expect(!registry.pollRunning)
        #expect(registry.startPollIfDue(now: Fixture.at(509), date: Fixture.date(509)) == nil)
        #expect(registry.startPollIfDue(now: Fixture.at(510), date: Fixture.date(510)) != nil)
    }

    @Test("a poll for followed calls reads a few pages and asks for the details of calls not seen lately")
    func followedRequest() {
        var registry = Registry(pollInterval: .milliseconds(500), now: Fixture.at(0))
        registry.followed["call-a"] = Self.followed(1, startedAt: 5_000, unseen: 2)
        registry.followed["call-b"] = Self.followed(2, startedAt: 8_000, unseen: 1)
        let request = registry.pollRequest(at: Fixture.date(10_000), includeStragglers: true)
        #expect(request.callIDs == ["call-a", "call-b"])
        #expect(request.unknowns.isEmpty)
        #expect(request.details == ["call-a"])
        #expect(request.maxPages == 5)
        #expect(request.oldest == Fixture.date(5_000).addingTimeInterval(-120))
        #expect(registry.pollRequest(at: Fixture.date(10_000), includeStragglers: false).details.isEmpty)
        for index in 0..<500 { registry.followed["call-\(index)"] = Self.followed(Int64(index + 10), startedAt: 9_000) }
        #expect(registry.pollRequest(at: Fixture.date(10_000), includeStragglers: false).maxPages == 15)
    }

    @Test("a poll for ambiguous attempts scans the history back past the oldest, however deep")
    func unresolvedRequest() {
        var registry = Registry(pollInterval: .milliseconds(500), now: Fixture.at(0))
        registry.unresolved[Fixture.attemptID(3)] = Self.unresolved(3, startedAt: 2_000)
        let request = registry.pollRequest(at: Fixture.date(10_000), includeStragglers: true)
        let key = Fixture.attemptID(3).uuidString.lowercased()
        #expect(
            request.unknowns == [
                key: PollRequest.Target(
                    number: Fixture.contact(3).phoneNumber,
                    startedAt: Fixture.date(2_000),
                    id: Fixture.attemptID(3)
                )
            ]
        )
        #expect(request.maxPages == Int.max)
        #expect(request.oldest == Fixture.date(2_000).addingTimeInterval(-120))
    }
}
