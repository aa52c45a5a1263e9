import CampaignStore
import Testing

@testable import CampaignEngine

@Suite("Gate reading")
struct GateReadingTests {
    @Test("one reading gives the gate's next slot, pause and pace, as asked for one by one")
    func reading() {
        let gate = DispatchGate(pacer: Pacer(Pacer.Configuration(rate: 10)), origin: Fixture.at(0))
        _ = gate.reserve(now: Fixture.at(0))
        #expect(gate.reading(now: Fixture.at(0)) == GateReading(nextSlot: Fixture.at(100), pausedUntil: nil, pace: 10))
        gate.pause(until: Fixture.at(2000))
        let paused = gate.reading(now: Fixture.at(500))
        #expect(paused == GateReading(nextSlot: Fixture.at(2000), pausedUntil: Fixture.at(2000), pace: 10))
        #expect(paused.nextSlot == gate.nextSlot(now: Fixture.at(500)))
        #expect(paused.pausedUntil == gate.pausedUntil(now: Fixture.at(500)))
        #expect(paused.pace == gate.currentRate(now: Fixture.at(500)))
    }
}
