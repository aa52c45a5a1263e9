import CampaignStore
import Foundation
import Testing

@testable import CampaignEngine

@Suite("Dispatch state machine: writes")
struct DispatchStateMachineWritesTests {
    @Test("entries are written once the last write is 100 ms old, or at once when 512 wait")
    func batches() {
        var store = DueStore([Fixture.contact(1)])
        var machine = Fixture.machine(counts: [.pending: 1])
        #expect(machine.writeDue(now: Fixture.at(500)) == nil)
        let attempt = store.send(&machine, now: Fixture.at(0))[0]
        _ = machine.triggerAnswered(attempt, .accepted(callID: "call-1"), now: Fixture.at(50))
        #expect(machine.writeDue(now: Fixture.at(99)) == nil)
        let write = machine.writeDue(now: Fixture.at(100))
        #expect(write?.entries.map(\.status) == [.inCall])
        machine.writeCompleted(write!, at: Fixture.at(120))
        #expect(machine.writes.lastWrite == Fixture.at(120))

        let contact = Fixture.contact(2)
        for _ in 0..<511 { machine.record(contact, from: .pending, ContactLifecycle(status: .pending)) }
        #expect(machine.writeDue(now: Fixture.at(130)) == nil)
        machine.record(contact, from: .pending, ContactLifecycle(status: .pending))
        #expect(machine.writeDue(now: Fixture.at(130))?.entries.count == 512)
    }
}
