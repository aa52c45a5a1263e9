import CampaignStore
import Testing

@testable import CampaignEngine

@Suite("Throttle")
struct ThrottleTests {
    @Test("a trigger takes the pacer's slot only within the horizon, and wakes for it a horizon ahead")
    func horizon() {
        let throttle = Throttle<TestInstant>(jitterSeed: 1)
        #expect(throttle.admitsTrigger(nextSlot: Fixture.at(250), now: Fixture.at(0)))
        #expect(!throttle.admitsTrigger(nextSlot: Fixture.at(251), now: Fixture.at(0)))
        #expect(throttle.triggerWake(nextSlot: Fixture.at(1000), now: Fixture.at(0)) == Fixture.at(750))
        #expect(throttle.triggerWake(nextSlot: Fixture.at(100), now: Fixture.at(0)) == Fixture.at(0))
    }

    @Test("a 429 pauses for Retry-After plus at most a second of jitter, one second when none is given")
    func rateLimited() {
        var throttle = Throttle<TestInstant>(jitterSeed: 1)
        let until = throttle.rateLimited(now: Fixture.at(1000), retryAfter: .seconds(3))
        #expect(until >= Fixture.at(4000) && until <= Fixture.at(4100))
        let second = throttle.rateLimited(now: Fixture.at(1000), retryAfter: nil)
        #expect(second >= Fixture.at(2000) && second <= Fixture.at(2100))
        #expect(throttle.rateLimitedCount == 2)
        #expect(throttle.pausedForRateLimit)
    }

    @Test("an unreachable API backs off longer each time until a trigger gets through")
    func unreachable() {
        var throttle = Throttle<TestInstant>(jitterSeed: 1)
        let first = throttle.unreachable(now: Fixture.at(0))
        #expect(first.delay <= .milliseconds(200) && first.until == Fixture.at(0).advanced(by: first.delay))
        #expect(throttle.connectionFailures == 1 && !throttle.pausedForRateLimit)
        for _ in 0..<8 { _ = throttle.unreachable(now: Fixture.at(0)) }
        #expect(throttle.connectionFailures == 9)
        #expect(throttle.connectionBackoff.ceiling(failures: 9) == .seconds(30))
        throttle.reached()
        #expect(throttle.connectionFailures == 0)
        let reset = throttle.unreachable(now: Fixture.at(0))
        #expect(reset.delay <= .milliseconds(200))
    }

    @Test("incomplete reconciliation scans back off like refused connections")
    func scans() {
        var throttle = Throttle<TestInstant>(jitterSeed: 1)
        #expect(throttle.scanIncomplete() <= .milliseconds(200))
        #expect(throttle.scanIncomplete() <= .milliseconds(400))
        #expect(throttle.incompleteScans == 2)
    }

    @Test("the same seed gives the same pauses")
    func seeded() {
        var one = Throttle<TestInstant>(jitterSeed: 42)
        var two = Throttle<TestInstant>(jitterSeed: 42)
        #expect(
            one.rateLimited(now: Fixture.at(0), retryAfter: nil) == two.rateLimited(now: Fixture.at(0), retryAfter: nil)
        )
        #expect(one.unreachable(now: Fixture.at(0)).delay == two.unreachable(now: Fixture.at(0)).delay)
    }
}
