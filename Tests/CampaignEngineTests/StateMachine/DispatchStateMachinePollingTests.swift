import CampaignStore
import Foundation
import Testing

@testable import CampaignEngine

@Suite("Dispatch state machine: polls")
struct DispatchStateMachinePollingTests {
    /// A machine following one call, `call-1` to contact 1, placed at the start.
    static func following(_ configuration: EngineConfiguration = Fixture.configuration(), untilIdle: Bool = false)
        -> Machine
    {
        var machine = Fixture.newMachine(configuration, untilIdle: untilIdle)
        let call = OpenAttempt(
            contact: Fixture.contact(1, status: .inCall, attempts: 1),
            attemptID: Fixture.attemptID(1),
            startedAt: Fixture.date(0),
            callID: "call-1"
        )
        _ = machine.start(Fixture.snapshot(counts: [.inCall: 1], inProgress: [call]))
        #expect(
            machine.reconciliationRound(now: Fixture.at(0), stopRequested: false, gate: Fixture.gate()) == .dispatch
        )
        return machine
    }

    static func report(_ status: String, callID: String = "call-1") -> CallReport {
        CallReport(callID: callID, callStatus: status, durationMilliseconds: 1000, summary: "spoke")
    }

    @Test("a poll starts when calls are followed, one at a time, once per interval")
    func pollTimer() {
        var idle = Fixture.machine()
        #expect(idle.pollDue(now: Fixture.at(0)) == .none)
        var machine = Self.following()
        let request = PollRequest(
            callIDs: ["call-1"],
            unknowns: [:],
            oldest: Fixture.date(0).addingTimeInterval(-120),
            details: [],
            maxPages: 5
        )
        #expect(machine.pollDue(now: Fixture.at(0)) == .startPoll(request))
        #expect(machine.pollDue(now: Fixture.at(600)) == .none)
        _ = machine.polled(
            PollResult(reports: ["call-1": Self.report("ringing")], conclusive: true),
            now: Fixture.at(100)
        )
        #expect(machine.pollDue(now: Fixture.at(499)) == .none)
        guard case .startPoll = machine.pollDue(now: Fixture.at(500)) else {
            Issue.record("expected a poll")
            return
        }
    }

    @Test("an ended call is recorded with what the API said")
    func ended() {
        var machine = Self.following()
        let report = Self.report("completed")
        #expect(
            machine.polled(PollResult(reports: ["call-1": report], conclusive: true), now: Fixture.at(2000))
                == Machine.PollAnswerAction()
        )
        #expect(machine.inFlight.followed.isEmpty)
        #expect(
            machine.writes.entries == [
                JournalEntry(
                    contactID: 1,
                    status: .completed,
                    attempts: 1,
                    attempt: .ended(
                        id: Fixture.attemptID(1),
                        outcome: "completed",
                        report: report,
                        error: nil,
                        at: Fixture.date(2000)
                    )
                )
            ]
        )
        #expect(machine.metrics.counts == [.inCall: 0, .completed: 1])
    }

    @Test("a call that ended unanswered waits for its redial")
    func redial() {
        var machine = Self.following(
            Fixture.configuration { $0.redial = RedialPolicy(maxAttempts: 2, delays: [.noAnswer: .seconds(60)]) }
        )
        let report = Self.report("no_answer")
        _ = machine.polled(PollResult(reports: ["call-1": report], conclusive: true), now: Fixture.at(2000))
        #expect(
            machine.writes.entries == [
                JournalEntry(
                    contactID: 1,
                    status: .retryWait,
                    attempts: 1,
                    nextAttemptAt: Fixture.date(62_000),
                    attempt: .ended(
                        id: Fixture.attemptID(1),
                        outcome: "no_answer",
                        report: report,
                        error: nil,
                        at: Fixture.date(2000)
                    )
                )
            ]
        )
    }

    @Test("a call the history does not show twice is asked for by its details; a sighting resets the count")
    func stragglers() {
        var machine = Self.following()
        _ = machine.polled(PollResult(conclusive: true), now: Fixture.at(100))
        #expect(machine.inFlight.followed["call-1"]?.unseenPolls == 1)
        _ = machine.polled(PollResult(conclusive: true), now: Fixture.at(600))
        guard case .startPoll(let request) = machine.pollDue(now: Fixture.at(1000)) else {
            Issue.record("expected a poll")
            return
        }
        #expect(request.details == ["call-1"])
        _ = machine.polled(
            PollResult(reports: ["call-1": Self.report("in_progress")], conclusive: true),
            now: Fixture.at(1100)
        )
        #expect(machine.inFlight.followed["call-1"]?.unseenPolls == 0)
        #expect(machine.writes.entries.isEmpty)
    }

    @Test("a call without a final status past the bound is given up, with or without a report")
    func unresolved() {
        var unseen = Self.following(Fixture.configuration { $0.callTimeout = .seconds(30) })
        _ = unseen.polled(PollResult(conclusive: true), now: Fixture.at(30_000))
        #expect(unseen.inFlight.followed.count == 1)
        _ = unseen.polled(PollResult(conclusive: true), now: Fixture.at(30_001))
        #expect(unseen.inFlight.followed.isEmpty)
        let error = "no final call status within 30 s"
        #expect(
            unseen.writes.entries == [
                JournalEntry(
                    contactID: 1,
                    status: .failed,
                    attempts: 1,
                    lastError: error,
                    attempt: .ended(
                        id: Fixture.attemptID(1),
                        outcome: "unresolved",
                        report: nil,
                        error: error,
                        at: Fixture.date(30_001)
                    )
                )
            ]
        )

        var ringing = Self.following(Fixture.configuration { $0.callTimeout = .seconds(30) })
        let report = Self.report("ringing")
        _ = ringing.polled(PollResult(reports: ["call-1": report], conclusive: true), now: Fixture.at(31_000))
        #expect(
            ringing.writes.entries.first?.attempt
                == .ended(
                    id: Fixture.attemptID(1),
                    outcome: "unresolved",
                    report: report,
                    error: error,
                    at: Fixture.date(31_000)
                )
        )
    }

    @Test("an ambiguous attempt a conclusive scan does not find is given back once its grace is over")
    func givenBack() {
        var machine = Fixture.newMachine()
        let leftover = OpenAttempt(
            contact: Fixture.contact(1, status: .dialing, attempts: 1),
            attemptID: Fixture.attemptID(1),
            startedAt: Fixture.date(0)
        )
        _ = machine.start(Fixture.snapshot(counts: [.dialing: 1], unfinished: [leftover]))
        #expect(machine.polled(PollResult(conclusive: true), now: Fixture.at(9_999)).attemptsToRedial == 0)
        #expect(machine.polled(PollResult(conclusive: false), now: Fixture.at(10_000)).attemptsToRedial == 0)
        #expect(
            machine.polled(PollResult(conclusive: true), now: Fixture.at(10_000))
                == Machine.PollAnswerAction(attemptsToRedial: 1)
        )
        #expect(machine.inFlight.unresolved.isEmpty)
        #expect(
            machine.writes.entries == [
                JournalEntry(contactID: 1, status: .pending, attempts: 0, attempt: .discard(id: Fixture.attemptID(1)))
            ]
        )
        #expect(machine.metrics.counts == [.dialing: 0, .pending: 1])
    }

    @Test("a refused key stops the run; a 429 cuts the pace; an unreadable history is worth a log line")
    func troubles() {
        var refused = Self.following()
        #expect(
            refused.polled(PollResult(error: "bad key", authenticationFailure: "bad key"), now: Fixture.at(10))
                == Machine.PollAnswerAction(trouble: .keyRefused)
        )
        #expect(refused.stop.outcome == .paused(.authentication) && refused.authenticationFailure == "bad key")
        #expect(
            refused.polled(PollResult(error: "bad key", authenticationFailure: "bad key"), now: Fixture.at(20))
                == Machine.PollAnswerAction()
        )

        var limited = Self.following()
        let answer = limited.polled(
            PollResult(error: "rate limited (429)", rateLimited: .some(.seconds(2))),
            now: Fixture.at(10)
        )
        guard case .rateLimited(.some(.seconds(2)), let until)? = answer.trouble else {
            Issue.record("expected a cut, got \(answer)")
            return
        }
        #expect(until >= Fixture.at(2010) && until <= Fixture.at(2110))
        #expect(limited.throttle.rateLimitedCount == 1)

        var unreadable = Self.following()
        #expect(
            unreadable.polled(PollResult(error: "timeout"), now: Fixture.at(10)).trouble
                == .historyUnreadable(error: "timeout")
        )
        #expect(unreadable.inFlight.followed["call-1"]?.unseenPolls == 1)
    }
}
