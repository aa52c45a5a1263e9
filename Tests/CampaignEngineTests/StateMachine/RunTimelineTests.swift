import CampaignStore
import Foundation
import Testing

@testable import CampaignEngine

@Suite("Run timeline")
struct RunTimelineTests {
    @Test("instants and wall-clock dates map both ways from the run's start")
    func mapping() {
        let timeline = RunTimeline(start: Fixture.at(1000), origin: Fixture.origin)
        #expect(timeline.date(Fixture.at(3500)) == Fixture.origin.addingTimeInterval(2.5))
        #expect(timeline.instant(Fixture.origin.addingTimeInterval(2.5)) == Fixture.at(3500))
        #expect(timeline.instant(.distantPast) == Fixture.at(1000))
    }
}
