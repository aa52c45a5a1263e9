import CampaignStore
import Foundation
import Testing

@testable import CampaignEngine

@Suite("Dispatch state machine: start and reconciliation")
struct DispatchStateMachineReconciliationTests {
    static let leftover = OpenAttempt(
        contact: Fixture.contact(1, status: .unknown, attempts: 1),
        attemptID: Fixture.attemptID(1),
        startedAt: Fixture.date(0)
    )

    static func reconciling(_ configuration: EngineConfiguration = Fixture.configuration()) -> Machine {
        var machine = Fixture.newMachine(configuration)
        #expect(
            machine.start(Fixture.snapshot(counts: [.unknown: 1, .pending: 1], unfinished: [leftover])) == .reconcile
        )
        return machine
    }

    @Test("start: counts, namespace, attempts to reconcile and calls to follow; a learned limit sets the pace")
    func start() {
        var machine = Fixture.newMachine()
        let call = OpenAttempt(
            contact: Fixture.contact(2, status: .inCall, attempts: 1),
            attemptID: Fixture.attemptID(2),
            startedAt: Fixture.date(0),
            callID: "call-2"
        )
        let withoutCallID = OpenAttempt(
            contact: Fixture.contact(3, status: .inCall, attempts: 1),
            attemptID: Fixture.attemptID(3),
            startedAt: Fixture.date(0)
        )
        let action = machine.start(
            Fixture.snapshot(
                counts: [.unknown: 1, .inCall: 2, .pending: 2],
                learnedRateLimit: 12.5,
                unfinished: [Self.leftover],
                inProgress: [call, withoutCallID]
            )
        )
        #expect(action == .paceBelow(learnedLimit: 12.5))
        #expect(machine.attemptNamespace == "campaign-ns")
        #expect(machine.metrics.total == 5)
        #expect(machine.metrics.isReconciling)
        #expect(
            machine.inFlight.unresolved[Fixture.attemptID(1)]?.lifecycle
                == ContactLifecycle(status: .unknown, attempts: 1)
        )
        #expect(machine.inFlight.unresolved[Fixture.attemptID(1)]?.failedAt == Fixture.date(0))
        #expect(machine.inFlight.followed.keys.sorted() == ["call-2"])
        #expect(machine.inFlight.followed["call-2"]?.lifecycle.status == .inCall)

        var plain = Fixture.newMachine()
        #expect(plain.start(Fixture.snapshot(counts: [.pending: 1])) == .reconcile)
        #expect(!plain.metrics.isReconciling)
    }

    @Test("a round with nothing to reconcile starts dialing, even with a stop requested (the loop notices it)")
    func nothingToReconcile() {
        var machine = Fixture.newMachine()
        _ = machine.start(Fixture.snapshot(counts: [.pending: 1]))
        #expect(machine.reconciliationRound(now: Fixture.at(0), stopRequested: true, gate: Fixture.gate()) == .dispatch)
        #expect(machine.reconciliationOver)
    }

    @Test("a round polls the history for the leftovers, unbounded, reporting progress first")
    func pollsLeftovers() {
        var machine = Self.reconciling()
        let action = machine.reconciliationRound(now: Fixture.at(0), stopRequested: false, gate: Fixture.gate(pace: 4))
        guard case .poll(let request, let progress) = action else {
            Issue.record("expected a poll, got \(action)")
            return
        }
        #expect(request.unknowns.keys.sorted() == [Fixture.attemptID(1).uuidString.lowercased()])
        #expect(request.maxPages == Int.max)
        #expect(request.details.isEmpty)
        #expect(progress.phase == .reconciling(count: 1))
        #expect(progress.pace == 4)
        #expect(progress.total == 2)
    }

    @Test("a stop requested during reconciliation ends the run as interrupted, with a last progress report")
    func stopDuringReconciliation() {
        var machine = Self.reconciling()
        let action = machine.reconciliationRound(now: Fixture.at(0), stopRequested: true, gate: Fixture.gate())
        guard case .finish(.interrupted, let progress?) = action else {
            Issue.record("expected to finish, got \(action)")
            return
        }
        #expect(progress.phase == .reconciling(count: 1))
        #expect(machine.stop.outcome == .interrupted)
    }

    @Test("a call found for a leftover is followed; the round is done and the next starts dialing")
    func found() {
        var machine = Self.reconciling()
        _ = machine.reconciliationRound(now: Fixture.at(0), stopRequested: false, gate: Fixture.gate())
        var result = PollResult(conclusive: true)
        result.matches[Fixture.attemptID(1)] = CallReport(callID: "call-1", callStatus: "ringing")
        #expect(machine.polled(result, now: Fixture.at(40)) == Machine.PollAnswerAction())
        let entry = JournalEntry(
            contactID: 1,
            status: .inCall,
            attempts: 1,
            attempt: .accepted(id: Fixture.attemptID(1), callID: "call-1", at: Fixture.date(40))
        )
        #expect(
            machine.reconciliationRoundEnded(conclusive: true, now: Fixture.at(40))
                == .done(JournalWrite(entries: [entry]))
        )
        #expect(machine.inFlight.followed["call-1"] != nil)
        #expect(
            machine.reconciliationRound(now: Fixture.at(50), stopRequested: false, gate: Fixture.gate()) == .dispatch
        )
        #expect(!machine.metrics.isReconciling)
        #expect(machine.metrics.counts == [.unknown: 0, .inCall: 1, .pending: 1])
    }

    @Test("an incomplete scan is retried after a growing backoff")
    func incompleteScan() {
        var machine = Self.reconciling()
        _ = machine.reconciliationRound(now: Fixture.at(0), stopRequested: false, gate: Fixture.gate())
        #expect(
            machine.polled(PollResult(error: "timeout"), now: Fixture.at(10)).trouble
                == .historyUnreadable(error: "timeout")
        )
        let action = machine.reconciliationRoundEnded(conclusive: false, now: Fixture.at(10))
        guard case .retry(nil, let delay, unresolved: 1) = action else {
            Issue.record("expected a retry, got \(action)")
            return
        }
        #expect(delay <= .milliseconds(200))
        #expect(machine.throttle.incompleteScans == 1)
        #expect(!machine.reconciliationOver)
    }

    @Test("a conclusive scan within the grace ends reconciliation; the attempt waits, unknown, while the run dials")
    func withinGrace() {
        var machine = Self.reconciling()
        _ = machine.reconciliationRound(now: Fixture.at(0), stopRequested: false, gate: Fixture.gate())
        #expect(machine.polled(PollResult(conclusive: true), now: Fixture.at(10)).attemptsToRedial == 0)
        #expect(machine.reconciliationRoundEnded(conclusive: true, now: Fixture.at(10)) == .done(nil))
        #expect(
            machine.reconciliationRound(now: Fixture.at(20), stopRequested: false, gate: Fixture.gate()) == .dispatch
        )
        #expect(machine.inFlight.unresolved.count == 1)
    }

    @Test("a key refused during reconciliation holds the sends; the next round ends the run paused")
    func keyRefused() {
        var machine = Self.reconciling()
        _ = machine.reconciliationRound(now: Fixture.at(0), stopRequested: false, gate: Fixture.gate())
        let answer = machine.polled(PollResult(error: "bad key", authenticationFailure: "bad key"), now: Fixture.at(10))
        #expect(answer.trouble == .keyRefused)
        #expect(machine.reconciliationRoundEnded(conclusive: false, now: Fixture.at(10)) == .done(nil))
        #expect(
            machine.reconciliationRound(now: Fixture.at(20), stopRequested: false, gate: Fixture.gate())
                == .finish(.paused(.authentication), progress: nil)
        )
        #expect(machine.authenticationFailure == "bad key")
    }
}
