import CampaignStore
import Foundation
import Testing

@testable import CampaignEngine

@Suite("Dispatch state machine: control and the end of the run")
struct DispatchStateMachineControlTests {
    @Test(
        "a stop request, a pause or a cancel from elsewhere stops the run once, holding the sends",
        arguments: [
            (Machine.ControlChange.stopRequested, RunOutcome.interrupted, "interrupted"),
            (.paused(.user), .paused(.user), "paused from another terminal"),
            (.cancelled, .cancelled, "cancelled"),
        ]
    )
    func controlChanges(change: Machine.ControlChange, outcome: RunOutcome, reason: String) {
        var machine = Fixture.machine(counts: [.pending: 1])
        #expect(machine.controlChanged(change) == .holdSends)
        #expect(machine.stop.outcome == outcome && machine.stop.reason == reason)
        #expect(machine.controlChanged(.stopRequested) == .none)
        #expect(machine.stop.outcome == outcome)
    }

    @Test("a stop clears a wait for the wallet")
    func stopClearsBalanceWait() {
        var machine = Fixture.machine(counts: [.pending: 1])
        machine.balance = BalanceWait(since: Fixture.at(0))
        #expect(machine.controlChanged(.stopRequested) == .holdSends)
        #expect(machine.balance == nil)
    }

    @Test("the stored campaign state is read once a second; a pause or cancel found there stops the run")
    func storedState() {
        var machine = Fixture.machine(counts: [.pending: 1])
        #expect(machine.stateCheckDue(now: Fixture.at(999)) == .none)
        #expect(machine.stateCheckDue(now: Fixture.at(1000)) == .readCampaignState)
        #expect(machine.stateCheckDue(now: Fixture.at(1500)) == .none)
        for state in [CampaignLifecycle.State.ready, .running, .completed] {
            #expect(machine.campaignStateRead(state) == .none)
        }
        #expect(!machine.stop.isStopping)
        #expect(machine.campaignStateRead(.paused(.insufficientBalance)) == .holdSends)
        #expect(machine.stop.outcome == .paused(.insufficientBalance))
        #expect(machine.stop.reason == "paused from another terminal")
        var cancelled = Fixture.machine(counts: [.pending: 1])
        #expect(cancelled.campaignStateRead(.cancelled) == .holdSends)
        #expect(cancelled.stop.outcome == .cancelled)
    }

    @Test("while anything is in flight or due, the loop goes on")
    func goesOn() {
        var store = DueStore([Fixture.contact(1)])
        var machine = Fixture.machine(counts: [.pending: 1])
        #expect(machine.runEndCheck(now: Fixture.at(0)) == .none)
        let attempt = store.send(&machine, now: Fixture.at(0))[0]
        #expect(machine.runEndCheck(now: Fixture.at(0)) == .none)
        _ = machine.triggerAnswered(attempt, .accepted(callID: "call-1"), now: Fixture.at(10))
        #expect(machine.runEndCheck(now: Fixture.at(10)) == .none)
    }

    @Test("a run with every contact final completes, writing what is waiting")
    func completes() {
        var store = DueStore([])
        var machine = Fixture.machine(counts: [.completed: 2])
        #expect(store.send(&machine, now: Fixture.at(0)).isEmpty)
        #expect(machine.isIdle)
        #expect(machine.runEndCheck(now: Fixture.at(0)) == .finish(.completed, write: nil))
    }

    @Test(
        "a quiet run with contacts waiting for later writes what is waiting and goes on; with --until-idle it ends",
        arguments: [false, true]
    )
    func quiet(untilIdle: Bool) {
        let noAnswer = Fixture.configuration {
            $0.redial = RedialPolicy(maxAttempts: 2, delays: [.noAnswer: .seconds(60)])
        }
        var machine = DispatchStateMachinePollingTests.following(noAnswer, untilIdle: untilIdle)
        var store = DueStore([])
        #expect(store.send(&machine, now: Fixture.at(0)).isEmpty)
        _ = machine.polled(
            PollResult(reports: ["call-1": DispatchStateMachinePollingTests.report("no_answer")], conclusive: true),
            now: Fixture.at(1000)
        )
        let write = JournalWrite(entries: machine.writes.entries)
        #expect(write.entries.map(\.status) == [.retryWait])
        if untilIdle {
            #expect(machine.runEndCheck(now: Fixture.at(1000)) == .finishIdle(write: write))
        } else {
            #expect(machine.runEndCheck(now: Fixture.at(1000)) == .write(write))
            #expect(machine.runEndCheck(now: Fixture.at(1000)) == .none)
        }
    }

    @Test("a stopping run ends once no trigger or poll is in flight, giving back the attempts reserved but never sent")
    func stops() {
        var store = DueStore([Fixture.contact(1), Fixture.contact(2)])
        // The channel limit lets one call out of a reserve of two.
        var machine = Fixture.machine(Fixture.configuration { $0.maxActive = 1 }, counts: [.pending: 2])
        let attempt = store.send(&machine, now: Fixture.at(0))
        #expect(attempt.map(\.contact.id) == [1])
        #expect(machine.reserve.count == 1)
        #expect(machine.controlChanged(.stopRequested) == .holdSends)
        #expect(machine.runEndCheck(now: Fixture.at(10)) == .none)
        #expect(machine.triggerAnswered(attempt[0], .withdrawn, now: Fixture.at(20)) == .none)
        let discards = [
            JournalEntry(contactID: 1, status: .pending, attempts: 0, attempt: .discard(id: Fixture.attemptID(1))),
            JournalEntry(contactID: 2, status: .pending, attempts: 0, attempt: .discard(id: Fixture.attemptID(2))),
        ]
        #expect(
            machine.runEndCheck(now: Fixture.at(20)) == .finish(.interrupted, write: JournalWrite(entries: discards))
        )
        #expect(machine.reserve.isEmpty)
        #expect(machine.metrics.counts == [.pending: 2, .dialing: 0])
    }

    @Test("a stopping run waits for its poll")
    func stopWaitsForPoll() {
        var machine = DispatchStateMachinePollingTests.following()
        guard case .startPoll = machine.pollDue(now: Fixture.at(0)) else {
            Issue.record("expected a poll")
            return
        }
        _ = machine.controlChanged(.cancelled)
        #expect(machine.runEndCheck(now: Fixture.at(10)) == .none)
        _ = machine.polled(PollResult(), now: Fixture.at(20))
        #expect(machine.runEndCheck(now: Fixture.at(20)) == .finish(.cancelled, write: nil))
    }
}
