import CampaignStore
import Foundation
import Testing

@testable import CampaignEngine

@Suite("Dispatch state machine: timer")
struct DispatchStateMachineTimerTests {
    @Test("one timer at a time, a second ahead at most, or when the pacer's next slot comes within the horizon")
    func oneTimer() {
        var machine = Fixture.machine(counts: [.pending: 1])
        #expect(
            machine.timerNeeded(now: Fixture.at(0), gate: Fixture.gate(nextSlot: Fixture.at(5000)))
                == .sleep(until: Fixture.at(1000))
        )
        #expect(machine.timerNeeded(now: Fixture.at(0), gate: Fixture.gate(nextSlot: Fixture.at(600))) == .none)
        machine.timerFired()
        #expect(
            machine.timerNeeded(now: Fixture.at(0), gate: Fixture.gate(nextSlot: Fixture.at(600)))
                == .sleep(until: Fixture.at(350))
        )
    }

    @Test("it wakes for the next poll, unless one is running")
    func nextPoll() {
        var machine = DispatchStateMachinePollingTests.following()
        let far = Fixture.gate(nextSlot: Fixture.at(5000))
        guard case .startPoll = machine.pollDue(now: Fixture.at(0)) else {
            Issue.record("expected a poll")
            return
        }
        #expect(machine.timerNeeded(now: Fixture.at(100), gate: far) == .sleep(until: Fixture.at(1100)))
        machine.timerFired()
        _ = machine.polled(PollResult(conclusive: true), now: Fixture.at(100))
        #expect(machine.timerNeeded(now: Fixture.at(100), gate: far) == .sleep(until: Fixture.at(500)))
    }

    @Test("it wakes at the end of a pause")
    func pause() {
        var machine = Fixture.machine(counts: [.pending: 1])
        #expect(
            machine.timerNeeded(
                now: Fixture.at(0),
                gate: Fixture.gate(nextSlot: Fixture.at(5000), pausedUntil: Fixture.at(300))
            )
                == .sleep(until: Fixture.at(300))
        )
    }

    @Test("while the wallet is waited out it wakes for the next probe, not for due contacts")
    func probe() {
        var machine = Fixture.machine(counts: [.pending: 1])
        machine.balance = BalanceWait(since: Fixture.at(0))
        #expect(
            machine.timerNeeded(now: Fixture.at(200), gate: Fixture.gate(nextSlot: Fixture.at(200)))
                == .sleep(until: Fixture.at(1000))
        )
        machine.timerFired()
        machine.balance?.probeInFlight = true
        #expect(
            machine.timerNeeded(now: Fixture.at(200), gate: Fixture.gate(nextSlot: Fixture.at(200)))
                == .sleep(until: Fixture.at(1200))
        )
    }

    @Test("with nothing due or in flight it reads when the next contact is due, and wakes then or at the next load")
    func nextDue() {
        var store = DueStore([])
        var machine = Fixture.machine(counts: [.retryWait: 1])
        #expect(store.send(&machine, now: Fixture.at(0)).isEmpty)
        let gate = Fixture.gate(nextSlot: Fixture.at(0))
        #expect(machine.timerNeeded(now: Fixture.at(100), gate: gate) == .readNextDueDate)
        #expect(!machine.timerRunning)
        #expect(machine.timerDueDateRead(nil, now: Fixture.at(100)) == Fixture.at(500))
        #expect(machine.timerRunning)
        #expect(machine.timerNeeded(now: Fixture.at(100), gate: gate) == .none)
        machine.timerFired()
        #expect(machine.timerNeeded(now: Fixture.at(100), gate: gate) == .readNextDueDate)
        #expect(machine.timerDueDateRead(Fixture.date(300), now: Fixture.at(100)) == Fixture.at(300))
        machine.timerFired()
        #expect(machine.timerNeeded(now: Fixture.at(100), gate: gate) == .readNextDueDate)
        #expect(machine.timerDueDateRead(.distantPast, now: Fixture.at(100)) == Fixture.at(100))
    }

    @Test("with calls followed it does not read the next due date")
    func followedNoRead() {
        var machine = DispatchStateMachinePollingTests.following()
        var store = DueStore([])
        #expect(store.send(&machine, now: Fixture.at(0)).isEmpty)
        #expect(
            machine.timerNeeded(now: Fixture.at(100), gate: Fixture.gate(nextSlot: Fixture.at(100)))
                == .sleep(until: Fixture.at(100))
        )
    }
}
