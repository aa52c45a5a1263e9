import CampaignStore
import Testing

@testable import CampaignEngine

@Suite("Run metrics")
struct RunMetricsTests {
    @Test("counts start from the journal's and follow each contact's moves")
    func counts() {
        var metrics = RunMetrics<TestInstant>(now: Fixture.at(0))
        metrics.start(counts: [.pending: 3, .completed: 1])
        #expect(metrics.total == 4)
        metrics.move(from: .pending, to: .dialing)
        metrics.move(from: .dialing, to: .dialing)
        #expect(metrics.counts == [.pending: 2, .dialing: 1, .completed: 1])
        #expect(metrics.doneCount == 1 && metrics.nonFinalCount == 3)
        metrics.move(from: .dialing, to: .noAnswer)
        #expect(metrics.doneCount == 2 && metrics.nonFinalCount == 2)
    }

    @Test("the call rate is measured over windows of two seconds")
    func rate() {
        var metrics = RunMetrics<TestInstant>(now: Fixture.at(0))
        #expect(metrics.callsPerSecond(now: Fixture.at(500)) == 0)
        for _ in 0..<4 { metrics.callPlaced(now: Fixture.at(500)) }
        #expect(metrics.placed == 4)
        #expect(metrics.callsPerSecond(now: Fixture.at(999)) == 0)
        #expect(metrics.callsPerSecond(now: Fixture.at(1000)) == 4)
        metrics.callPlaced(now: Fixture.at(2000))
        // A new window: the last one's rate counts until this one is a second old.
        #expect(metrics.callsPerSecond(now: Fixture.at(2500)) == 2)
        #expect(metrics.callsPerSecond(now: Fixture.at(3000)) == 1)
    }

    @Test("progress is due twice a second, or when forced")
    func reports() {
        var metrics = RunMetrics<TestInstant>(now: Fixture.at(0))
        #expect(metrics.reportDue(now: Fixture.at(499), force: false) == false)
        #expect(metrics.reportDue(now: Fixture.at(10), force: true) == true)
        #expect(metrics.reportDue(now: Fixture.at(509), force: false) == false)
        #expect(metrics.reportDue(now: Fixture.at(510), force: false) == true)
        metrics.reported(at: Fixture.at(900))
        #expect(metrics.reportDue(now: Fixture.at(1399), force: false) == false)
    }
}
