import CampaignStore
import Testing

@testable import CampaignEngine

@Suite("Attempt reserve")
struct AttemptReserveTests {
    @Test("attempts are taken in order; the ones left are taken all at once when the run stops")
    func takeAndTakeAll() {
        var reserve = AttemptReserve()
        #expect(reserve.isEmpty && reserve.count == 0)
        #expect(reserve.take() == nil)
        let attempts = (1...3).map { Fixture.attempt(Fixture.contact(Int64($0))) }
        for attempt in attempts { reserve.append(attempt) }
        #expect(reserve.count == 3)
        #expect(reserve.take() == attempts[0])
        #expect(reserve.count == 2 && !reserve.isEmpty)
        #expect(reserve.takeAll() == Array(attempts[1...]))
        #expect(reserve.isEmpty && reserve.take() == nil)
        #expect(reserve.takeAll().isEmpty)
    }

    @Test("taking the last attempt empties the reserve for the next batch")
    func emptiesOnLast() {
        var reserve = AttemptReserve()
        let first = Fixture.attempt(Fixture.contact(1))
        reserve.append(first)
        #expect(reserve.take() == first)
        #expect(reserve.isEmpty)
        let second = Fixture.attempt(Fixture.contact(2))
        reserve.append(second)
        #expect(reserve.count == 1)
        #expect(reserve.take() == second)
    }
}
