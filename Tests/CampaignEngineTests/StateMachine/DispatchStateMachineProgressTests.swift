import CampaignStore
import Foundation
import Testing

@testable import CampaignEngine

@Suite("Dispatch state machine: progress")
struct DispatchStateMachineProgressTests {
    static func phase(_ action: Machine.ProgressAction) -> RunProgress.Phase? {
        switch action {
        case .none: nil
        case .report(let progress), .reportWaiting(let progress): progress.phase
        }
    }

    @Test("progress is reported twice a second, or when forced, with what the run counted")
    func reports() {
        var store = DueStore([Fixture.contact(1), Fixture.contact(2), Fixture.contact(3)])
        var machine = Fixture.machine(counts: [.pending: 3, .completed: 1])
        let attempts = store.send(&machine, now: Fixture.at(0))
        _ = machine.triggerAnswered(attempts[0], .accepted(callID: "call-1"), now: Fixture.at(100))
        #expect(machine.progressDue(now: Fixture.at(499), force: false, gate: Fixture.gate()) == .none)
        let expected = RunProgress(
            total: 4,
            done: 1,
            requestsInFlight: 1,
            activeCalls: 1,
            counts: [.pending: 1, .dialing: 1, .inCall: 1, .completed: 1],
            callsPerSecond: 0,
            placed: 1,
            rateLimited: 0,
            pace: 7,
            phase: .dialing,
            at: Fixture.date(500)
        )
        #expect(
            machine.progressDue(
                now: Fixture.at(500),
                force: false,
                gate: Fixture.gate(nextSlot: Fixture.at(500), pace: 7)
            ) == .report(expected)
        )
        #expect(machine.progressDue(now: Fixture.at(600), force: false, gate: Fixture.gate()) == .none)
        #expect(Self.phase(machine.progressDue(now: Fixture.at(600), force: true, gate: Fixture.gate())) == .dialing)
    }

    @Test("a run with nothing due reports that it waits, for the shell to say until when")
    func waiting() {
        var store = DueStore([])
        var machine = Fixture.machine(counts: [.retryWait: 1])
        _ = store.send(&machine, now: Fixture.at(0))
        let action = machine.progressDue(now: Fixture.at(0), force: true, gate: Fixture.gate())
        guard case .reportWaiting(let progress) = action else {
            Issue.record("expected a waiting report, got \(action)")
            return
        }
        #expect(progress.phase == .waiting(until: nil))
    }

    @Test("the phase says why the run does not dial: stopping, the wallet, a 429 or an unreachable API")
    func phases() {
        var store = DueStore([Fixture.contact(1), Fixture.contact(2), Fixture.contact(3)])
        var machine = Fixture.machine(Fixture.configuration { $0.concurrency = 3 }, counts: [.pending: 3])
        let attempts = store.send(&machine, now: Fixture.at(0))
        let paused = Fixture.gate(pausedUntil: Fixture.at(4000))
        _ = machine.triggerAnswered(attempts[0], .failed(.notSent(message: "refused")), now: Fixture.at(10))
        #expect(
            Self.phase(machine.progressDue(now: Fixture.at(10), force: true, gate: paused))
                == .unreachable(until: Fixture.date(4000))
        )
        _ = machine.triggerAnswered(attempts[1], .failed(.rateLimited(retryAfter: nil)), now: Fixture.at(20))
        #expect(
            Self.phase(machine.progressDue(now: Fixture.at(20), force: true, gate: paused))
                == .rateLimited(until: Fixture.date(4000))
        )
        machine.balance = BalanceWait(since: Fixture.at(20))
        #expect(
            Self.phase(machine.progressDue(now: Fixture.at(20), force: true, gate: paused))
                == .waitingForBalance(nextProbe: Fixture.date(1020))
        )
        _ = machine.controlChanged(.stopRequested)
        #expect(
            Self.phase(machine.progressDue(now: Fixture.at(30), force: true, gate: paused))
                == .stopping(reason: "interrupted")
        )
    }
}
