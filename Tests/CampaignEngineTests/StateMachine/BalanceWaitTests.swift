import CampaignStore
import Testing

@testable import CampaignEngine

@Suite("Balance wait")
struct BalanceWaitTests {
    @Test("the first probe goes after a second, one at a time; each refusal doubles the interval up to five minutes")
    func probes() {
        var wait = BalanceWait<TestInstant>(since: Fixture.at(0))
        #expect(!wait.allowsProbe(now: Fixture.at(999)))
        #expect(wait.allowsProbe(now: Fixture.at(1000)))
        wait.probeInFlight = true
        #expect(!wait.allowsProbe(now: Fixture.at(5000)))
        #expect(wait.probeRefused(now: Fixture.at(1000), limit: .seconds(600)) == false)
        #expect(!wait.probeInFlight)
        #expect(wait.interval == .seconds(2) && wait.nextProbe == Fixture.at(3000))
        for _ in 0..<10 { _ = wait.probeRefused(now: Fixture.at(3000), limit: .seconds(600)) }
        #expect(wait.interval == .seconds(300))
    }

    @Test("a refusal once the wallet has been empty for the limit says the wait is over")
    func limit() {
        var wait = BalanceWait<TestInstant>(since: Fixture.at(0))
        #expect(wait.probeRefused(now: Fixture.at(9_999), limit: .seconds(10)) == false)
        #expect(wait.probeRefused(now: Fixture.at(10_000), limit: .seconds(10)) == true)
    }
}
