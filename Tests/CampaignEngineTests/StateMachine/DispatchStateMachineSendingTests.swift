import CampaignStore
import Foundation
import Testing

@testable import CampaignEngine

@Suite("Dispatch state machine: sending")
struct DispatchStateMachineSendingTests {
    typealias Query = DueQueue<TestInstant>.Query

    static func start(_ contactID: Int64, at milliseconds: Int = 0) -> JournalEntry {
        JournalEntry(
            contactID: contactID,
            status: .dialing,
            attempts: 1,
            attempt: .start(id: Fixture.attemptID(contactID), number: 1, startedAt: Fixture.date(milliseconds))
        )
    }

    @Test("an empty reserve is replenished: load, take contacts up to the concurrency, commit their rows, then send")
    func replenishAndSend() {
        var machine = Fixture.machine(counts: [.pending: 3])
        let contacts = (1...3).map { Fixture.contact(Int64($0)) }
        let query = Query(now: Fixture.date(0), afterID: 0, limit: 512)
        #expect(machine.nextSend(now: Fixture.at(0), nextSlot: Fixture.at(0)) == .replenish(.load(query, write: nil)))
        #expect(
            machine.dueContactsLoaded(contacts, for: query, now: Fixture.at(0))
                == .commit(JournalWrite(entries: [Self.start(1), Self.start(2)]))
        )
        #expect(machine.reserveCommitted() == .trigger(Fixture.attempt(contacts[0])))
        #expect(machine.nextSend(now: Fixture.at(0), nextSlot: Fixture.at(0)) == .trigger(Fixture.attempt(contacts[1])))
        // Both requests in flight: the concurrency is reached.
        #expect(machine.nextSend(now: Fixture.at(0), nextSlot: Fixture.at(0)) == .none)
        #expect(machine.inFlight.triggers == 2)
        #expect(machine.metrics.counts == [.pending: 1, .dialing: 2])
        #expect(machine.due.hasQueued)
    }

    @Test("nothing is sent while the pacer's next slot is beyond the horizon, or while the run stops")
    func holdsBack() {
        var machine = Fixture.machine(counts: [.pending: 1])
        #expect(machine.nextSend(now: Fixture.at(0), nextSlot: Fixture.at(251)) == .none)
        #expect(machine.nextSend(now: Fixture.at(0), nextSlot: Fixture.at(250)) != .none)
        var stopping = Fixture.machine(counts: [.pending: 1])
        #expect(stopping.controlChanged(.stopRequested) == .holdSends)
        #expect(stopping.nextSend(now: Fixture.at(0), nextSlot: Fixture.at(0)) == .none)
    }

    @Test(
        "suppressed numbers end, closed windows defer, contacts past the attempt limit end failed: all through the lifecycle"
    )
    func takesThroughTheLifecycle() throws {
        // 08:00 UTC is 03:00 in New York: its window opens at 09:00 there, six hours later.
        var machine = Fixture.machine(
            Fixture.configuration {
                $0.callingHours = try? CallingHours(parsingHours: "09:00-21:00")
                $0.redial.maxAttempts = 1
            },
            counts: [.pending: 3, .retryWait: 1]
        )
        let contacts = [
            Fixture.contact(1, suppressed: true),
            Fixture.contact(2, timeZone: "America/New_York"),
            Fixture.contact(3, status: .retryWait, attempts: 1, timeZone: "Asia/Kolkata"),
            Fixture.contact(4, timeZone: "Asia/Kolkata"),
        ]
        let query = Query(now: Fixture.date(0), afterID: 0, limit: 512)
        _ = machine.nextSend(now: Fixture.at(0), nextSlot: Fixture.at(0))
        let action = machine.dueContactsLoaded(contacts, for: query, now: Fixture.at(0))
        let opening = Fixture.origin.addingTimeInterval(6 * 3600)
        let expected: [JournalEntry] = [
            JournalEntry(
                contactID: 1,
                status: .suppressed,
                attempts: 0,
                lastError: "number is on the do-not-call list"
            ),
            JournalEntry(contactID: 2, status: .pending, attempts: 0, nextAttemptAt: opening),
            JournalEntry(contactID: 3, status: .failed, attempts: 1, lastError: "all 1 attempts are used"),
            Self.start(4),
        ]
        // The queue ran out before the reserve held two: the entries so far are written before the next load.
        #expect(
            action == .load(Query(now: Fixture.date(0), afterID: 4, limit: 512), write: JournalWrite(entries: expected))
        )
        #expect(machine.metrics.counts == [.pending: 1, .retryWait: 0, .suppressed: 1, .failed: 1, .dialing: 1])
    }

    @Test(
        "nothing after the cursor reloads from the start; nothing at all exhausts the queue and sends what was reserved"
    )
    func reloadAndExhaust() {
        var store = DueStore([Fixture.contact(1)])
        var machine = Fixture.machine(counts: [.pending: 1])
        let first = Query(now: Fixture.date(0), afterID: 0, limit: 512)
        guard case .replenish(.load(first, nil)) = machine.nextSend(now: Fixture.at(0), nextSlot: Fixture.at(0)) else {
            Issue.record("expected a load")
            return
        }
        let next = Query(now: Fixture.date(0), afterID: 1, limit: 512)
        #expect(
            machine.dueContactsLoaded(store.load(first), for: first, now: Fixture.at(0))
                == .load(next, write: JournalWrite(entries: [Self.start(1)]))
        )
        store.apply(JournalWrite(entries: [Self.start(1)]))
        #expect(machine.dueContactsLoaded(store.load(next), for: next, now: Fixture.at(0)) == .load(first, write: nil))
        #expect(machine.dueContactsLoaded(store.load(first), for: first, now: Fixture.at(0)) == .commit(nil))
        #expect(machine.due.isExhausted)
        #expect(machine.reserveCommitted() == .trigger(Fixture.attempt(Fixture.contact(1))))
    }

    @Test(
        "an empty reserve with nothing due commits nothing and sends nothing; the next load waits for the refill delay"
    )
    func nothingDue() {
        var store = DueStore([])
        var machine = Fixture.machine(counts: [.completed: 1])
        #expect(store.send(&machine, now: Fixture.at(0)).isEmpty)
        #expect(machine.due.isExhausted)
        #expect(machine.nextSend(now: Fixture.at(100), nextSlot: Fixture.at(100)) == .replenish(.commit(nil)))
        #expect(machine.reserveCommitted() == .none)
        #expect(
            machine.nextSend(now: Fixture.at(500), nextSlot: Fixture.at(500))
                == .replenish(.load(Query(now: Fixture.date(500), afterID: 0, limit: 512), write: nil))
        )
    }

    @Test("an accepted trigger is followed and counted as placed")
    func accepted() {
        var store = DueStore([Fixture.contact(1)])
        var machine = Fixture.machine(counts: [.pending: 1])
        let attempt = store.send(&machine, now: Fixture.at(0))[0]
        #expect(machine.triggerAnswered(attempt, .accepted(callID: "call-1"), now: Fixture.at(30)) == .none)
        #expect(machine.inFlight.triggers == 0)
        #expect(machine.inFlight.followed["call-1"]?.attemptID == attempt.attemptID)
        #expect(machine.metrics.placed == 1)
        #expect(
            machine.writes.entries == [
                JournalEntry(
                    contactID: 1,
                    status: .inCall,
                    attempts: 1,
                    attempt: .accepted(id: attempt.attemptID, callID: "call-1", at: Fixture.date(30))
                )
            ]
        )
    }

    @Test("a withdrawn trigger gives its attempt back and its contact is the next one tried")
    func withdrawn() {
        var store = DueStore([Fixture.contact(1), Fixture.contact(2), Fixture.contact(3)])
        var machine = Fixture.machine(Fixture.configuration { $0.concurrency = 1 }, counts: [.pending: 3])
        let attempt = store.send(&machine, now: Fixture.at(0))[0]
        #expect(machine.triggerAnswered(attempt, .withdrawn, now: Fixture.at(10)) == .none)
        #expect(
            machine.writes.entries == [
                JournalEntry(contactID: 1, status: .pending, attempts: 0, attempt: .discard(id: attempt.attemptID))
            ]
        )
        #expect(store.send(&machine, now: Fixture.at(10)).map(\.contact.id) == [1])
    }

    @Test("a 429 requeues the contact and asks for the pace to be cut and every request paused")
    func rateLimited() {
        var store = DueStore([Fixture.contact(1)])
        var machine = Fixture.machine(counts: [.pending: 1])
        let attempt = store.send(&machine, now: Fixture.at(0))[0]
        let action = machine.triggerAnswered(
            attempt,
            .failed(.rateLimited(retryAfter: .seconds(3))),
            now: Fixture.at(100)
        )
        guard case .cutPace(.some(.seconds(3)), let until) = action else {
            Issue.record("expected a cut, got \(action)")
            return
        }
        #expect(until >= Fixture.at(3100) && until <= Fixture.at(3200))
        #expect(machine.throttle.rateLimitedCount == 1 && machine.throttle.pausedForRateLimit)
        #expect(machine.due.hasQueued)
        #expect(machine.writes.entries.last?.attempt == .discard(id: attempt.attemptID))
    }

    @Test("a limit the gate learned from a 429 is written with the next batch, when the key is known")
    func learnedLimit() {
        var remembering = Fixture.machine(counts: [.pending: 1], remembersRateLimit: true)
        remembering.rateLimitLearned(14)
        #expect(
            remembering.writeDue(now: Fixture.at(100))
                == JournalWrite(entries: [], learnedRateLimit: .init(requestsPerSecond: 14, at: Fixture.date(100)))
        )
        var forgetting = Fixture.machine(counts: [.pending: 1])
        forgetting.rateLimitLearned(14)
        #expect(forgetting.writeDue(now: Fixture.at(100)) == nil)
    }

    @Test("an unreachable API backs every request off for longer each time; a call placed resets it")
    func unreachable() {
        var store = DueStore([Fixture.contact(1), Fixture.contact(2)])
        var machine = Fixture.machine(counts: [.pending: 2])
        let attempts = store.send(&machine, now: Fixture.at(0))
        let first = machine.triggerAnswered(attempts[0], .failed(.notSent(message: "refused")), now: Fixture.at(10))
        guard case .backOff(let until, let delay) = first else {
            Issue.record("expected a backoff, got \(first)")
            return
        }
        #expect(delay <= .milliseconds(200) && until == Fixture.at(10).advanced(by: delay))
        #expect(!machine.throttle.pausedForRateLimit && machine.throttle.connectionFailures == 1)
        #expect(machine.triggerAnswered(attempts[1], .accepted(callID: "call-2"), now: Fixture.at(20)) == .none)
        #expect(machine.throttle.connectionFailures == 0)
    }

    @Test("a 402 without --wait-for-balance pauses the campaign, holding every sender")
    func insufficientBalance() {
        var store = DueStore([Fixture.contact(1)])
        var machine = Fixture.machine(counts: [.pending: 1])
        let attempt = store.send(&machine, now: Fixture.at(0))[0]
        #expect(
            machine.triggerAnswered(attempt, .failed(.insufficientBalance(message: "low")), now: Fixture.at(10))
                == .holdSends
        )
        #expect(machine.stop.outcome == .paused(.insufficientBalance))
        #expect(machine.stop.reason == "insufficient balance")
        #expect(machine.due.hasQueued)
    }

    @Test("with --wait-for-balance one probe goes at growing intervals; its success resumes sending")
    func waitForBalance() {
        var store = DueStore([Fixture.contact(1), Fixture.contact(2)])
        var machine = Fixture.machine(
            Fixture.configuration {
                $0.concurrency = 1; $0.waitForBalance = .seconds(600)
            },
            counts: [.pending: 2]
        )
        let attempt = store.send(&machine, now: Fixture.at(0))[0]
        #expect(
            machine.triggerAnswered(attempt, .failed(.insufficientBalance(message: "low")), now: Fixture.at(10))
                == .holdForBalance
        )
        #expect(machine.balance == BalanceWait(since: Fixture.at(10)))
        #expect(store.send(&machine, now: Fixture.at(500)).isEmpty)
        let probe = store.send(&machine, now: Fixture.at(1010))
        #expect(probe.map(\.contact.id) == [1])
        #expect(probe.first?.isProbe == true)
        #expect(machine.balance?.probeInFlight == true)
        #expect(machine.nextSend(now: Fixture.at(5000), nextSlot: Fixture.at(5000)) == .none)
        // Refused again: the next probe waits two seconds.
        #expect(
            machine.triggerAnswered(probe[0], .failed(.insufficientBalance(message: "low")), now: Fixture.at(1100))
                == .none
        )
        #expect(machine.balance?.nextProbe == Fixture.at(3100))
        let second = store.send(&machine, now: Fixture.at(3100))
        #expect(second.first?.isProbe == true)
        #expect(
            machine.triggerAnswered(second[0], .accepted(callID: "call-1"), now: Fixture.at(3200)) == .resumeSending
        )
        #expect(machine.balance == nil)
    }

    @Test("a probe that ends its contact frees the next probe")
    func probeEndsContact() {
        var store = DueStore([Fixture.contact(1), Fixture.contact(2)])
        var machine = Fixture.machine(
            Fixture.configuration {
                $0.concurrency = 1; $0.waitForBalance = .seconds(600)
            },
            counts: [.pending: 2]
        )
        let attempt = store.send(&machine, now: Fixture.at(0))[0]
        _ = machine.triggerAnswered(attempt, .failed(.insufficientBalance(message: "low")), now: Fixture.at(0))
        store.apply(machine.writeDue(now: Fixture.at(100)))
        let probe = store.send(&machine, now: Fixture.at(1000))[0]
        #expect(machine.triggerAnswered(probe, .failed(.forbidden(message: "DND")), now: Fixture.at(1100)) == .none)
        #expect(machine.balance?.probeInFlight == false)
        #expect(machine.balance != nil)
    }

    @Test("a wallet empty past --wait-for-balance pauses the campaign")
    func waitedTooLong() {
        var store = DueStore([Fixture.contact(1)])
        var machine = Fixture.machine(
            Fixture.configuration {
                $0.concurrency = 1; $0.waitForBalance = .seconds(2)
            },
            counts: [.pending: 1]
        )
        let attempt = store.send(&machine, now: Fixture.at(0))[0]
        _ = machine.triggerAnswered(attempt, .failed(.insufficientBalance(message: "low")), now: Fixture.at(0))
        store.apply(machine.writeDue(now: Fixture.at(100)))
        let probe = store.send(&machine, now: Fixture.at(2000))[0]
        #expect(
            machine.triggerAnswered(probe, .failed(.insufficientBalance(message: "low")), now: Fixture.at(2000))
                == .holdSends
        )
        #expect(machine.stop.outcome == .paused(.insufficientBalance))
        #expect(machine.balance == nil)
    }

    @Test("a 401 stops the run with the API's message; a second one changes nothing")
    func authentication() {
        var store = DueStore([Fixture.contact(1), Fixture.contact(2)])
        var machine = Fixture.machine(counts: [.pending: 2])
        let attempts = store.send(&machine, now: Fixture.at(0))
        #expect(
            machine.triggerAnswered(attempts[0], .failed(.authentication(message: "bad key")), now: Fixture.at(10))
                == .holdSends
        )
        #expect(machine.authenticationFailure == "bad key")
        #expect(machine.stop.outcome == .paused(.authentication) && machine.stop.reason == "the API key was refused")
        #expect(
            machine.triggerAnswered(attempts[1], .failed(.authentication(message: "bad key")), now: Fixture.at(10))
                == .none
        )
        #expect(machine.writes.entries.map(\.status) == [.pending, .pending])
    }

    @Test(
        "a 403 ends as dnd and suppresses the number; a 422 ends as invalid; an ambiguous answer awaits reconciliation"
    )
    func finalAndAmbiguous() {
        var store = DueStore([Fixture.contact(1), Fixture.contact(2), Fixture.contact(3)])
        var machine = Fixture.machine(Fixture.configuration { $0.concurrency = 3 }, counts: [.pending: 3])
        let attempts = store.send(&machine, now: Fixture.at(0))
        #expect(attempts.count == 3)
        #expect(machine.triggerAnswered(attempts[0], .failed(.forbidden(message: "DND")), now: Fixture.at(10)) == .none)
        #expect(
            machine.triggerAnswered(attempts[1], .failed(.validation(message: "bad number")), now: Fixture.at(10))
                == .none
        )
        #expect(
            machine.triggerAnswered(attempts[2], .failed(.ambiguous(message: "timeout")), now: Fixture.at(10)) == .none
        )
        let dnd = JournalEntry(
            contactID: 1,
            status: .dnd,
            attempts: 1,
            lastError: "DND",
            attempt: .ended(id: attempts[0].attemptID, outcome: "dnd", report: nil, error: "DND", at: Fixture.date(10)),
            suppress: (attempts[0].contact.phoneNumber, "DND")
        )
        let invalid = JournalEntry(
            contactID: 2,
            status: .invalid,
            attempts: 1,
            lastError: "bad number",
            attempt: .ended(
                id: attempts[1].attemptID,
                outcome: "invalid",
                report: nil,
                error: "bad number",
                at: Fixture.date(10)
            )
        )
        let ambiguous = JournalEntry(
            contactID: 3,
            status: .unknown,
            attempts: 1,
            lastError: "timeout",
            attempt: .ambiguous(id: attempts[2].attemptID, error: "timeout")
        )
        #expect(machine.writes.entries == [dnd, invalid, ambiguous])
        #expect(machine.inFlight.unresolved[attempts[2].attemptID]?.failedAt == Fixture.date(10))
        #expect(machine.metrics.counts == [.pending: 0, .dialing: 0, .dnd: 1, .invalid: 1, .unknown: 1])
    }
}
