import CampaignStore
import Testing

@testable import CampaignEngine

@Suite("Run stop")
struct RunStopTests {
    @Test("the first reason to stop wins")
    func firstWins() {
        var stop = RunStop<TestInstant>(now: Fixture.at(0))
        #expect(!stop.isStopping && stop.outcome == nil)
        #expect(stop.begin(.paused(.insufficientBalance), reason: "insufficient balance") == true)
        #expect(stop.begin(.interrupted, reason: "interrupted") == false)
        #expect(stop.outcome == .paused(.insufficientBalance) && stop.reason == "insufficient balance")
        #expect(stop.isStopping)
    }

    @Test("the stored state is read once a second")
    func stateChecks() {
        var stop = RunStop<TestInstant>(now: Fixture.at(0))
        #expect(stop.stateCheckDue(now: Fixture.at(999)) == false)
        #expect(stop.stateCheckDue(now: Fixture.at(1000)) == true)
        #expect(stop.stateCheckDue(now: Fixture.at(1999)) == false)
        #expect(stop.stateCheckDue(now: Fixture.at(2000)) == true)
        #expect(stop.lastStateCheck == Fixture.at(2000))
    }
}
