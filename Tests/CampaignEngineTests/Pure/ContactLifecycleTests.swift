import CampaignEngine
import CampaignStore
import Foundation
import Testing

@Suite("Contact lifecycle")
struct ContactLifecycleTests {
    let policy = RedialPolicy(maxAttempts: 2, delays: [.noAnswer: .seconds(1800), .busy: .seconds(3600)])
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("a first attempt is triggered, accepted, and completes")
    func happyPath() {
        var contact = ContactLifecycle(status: .pending)
        #expect(contact.startAttempt(maxAttempts: 2) == .trigger)
        #expect(contact.status == .dialing)
        #expect(contact.attempts == 1)
        #expect(contact.triggerAccepted() == .follow)
        #expect(contact.status == .inCall)
        #expect(contact.callEnded(.completed, policy: policy, now: now) == .finish)
        #expect(contact.status == .completed)
        #expect(contact.status.isFinal)
    }

    @Test("no answer waits for a redial, then ends as no_answer when attempts run out")
    func redialThenExhaust() {
        var contact = ContactLifecycle(status: .pending)
        _ = contact.startAttempt(maxAttempts: 2)
        _ = contact.triggerAccepted()
        #expect(contact.callEnded(.noAnswer, policy: policy, now: now) == .redial(at: now.addingTimeInterval(1800)))
        #expect(contact.status == .retryWait)
        #expect(contact.nextAttemptAt == now.addingTimeInterval(1800))
        #expect(contact.startAttempt(maxAttempts: 2) == .trigger)
        #expect(contact.attempts == 2)
        _ = contact.triggerAccepted()
        #expect(contact.callEnded(.noAnswer, policy: policy, now: now) == .finish)
        #expect(contact.status == .noAnswer)
        #expect(contact.startAttempt(maxAttempts: 5) == .rejected("cannot dial a contact that is no_answer"))
    }

    @Test("an outcome without a configured delay is final at once")
    func outcomeWithoutDelay() {
        var contact = ContactLifecycle(status: .pending)
        _ = contact.startAttempt(maxAttempts: 2)
        _ = contact.triggerAccepted()
        #expect(contact.callEnded(.voicemail, policy: policy, now: now) == .finish)
        #expect(contact.status == .voicemail)
    }

    @Test("a 429, a connection never made, a 402 and a 401 give the attempt back")
    func failuresThatPlacedNothing() {
        let cases: [(TriggerFailure, ContactLifecycle.Action)] = [
            (.rateLimited(retryAfter: .seconds(1)), .requeue),
            (.notSent(message: "refused"), .requeue),
            (.insufficientBalance(message: "low"), .pauseCampaign),
            (.authentication(message: "bad key"), .stopRun),
        ]
        for (failure, action) in cases {
            var contact = ContactLifecycle(status: .pending)
            _ = contact.startAttempt(maxAttempts: 2)
            #expect(contact.triggerFailed(failure) == action)
            #expect(contact.status == .pending)
            #expect(contact.attempts == 0)
        }
    }

    @Test("a redial that placed nothing returns to retry_wait, due at once, keeping earlier attempts")
    func redialThatPlacedNothing() {
        var contact = ContactLifecycle(status: .retryWait, attempts: 1, nextAttemptAt: now)
        _ = contact.startAttempt(maxAttempts: 3)
        #expect(contact.triggerFailed(.rateLimited(retryAfter: nil)) == .requeue)
        #expect(contact.status == .retryWait)
        #expect(contact.attempts == 1)
        #expect(contact.nextAttemptAt == nil)
    }

    @Test("403 ends as dnd and asks for suppression; 422 ends as invalid with the API's message")
    func finalRejections() {
        var dnd = ContactLifecycle(status: .pending)
        _ = dnd.startAttempt(maxAttempts: 1)
        #expect(dnd.triggerFailed(.forbidden(message: "number is on the DND registry")) == .suppress(reason: "number is on the DND registry"))
        #expect(dnd.status == .dnd)
        #expect(dnd.attempts == 1)

        var invalid = ContactLifecycle(status: .pending)
        _ = invalid.startAttempt(maxAttempts: 1)
        #expect(invalid.triggerFailed(.validation(message: "contact_number is not E.164")) == .finish)
        #expect(invalid.status == .invalid)
        #expect(invalid.lastError == "contact_number is not E.164")
    }

    @Test("an ambiguous failure is unknown until reconciled: found means follow, absent means requeue")
    func ambiguousThenReconciled() {
        var found = ContactLifecycle(status: .pending)
        _ = found.startAttempt(maxAttempts: 2)
        #expect(found.triggerFailed(.ambiguous(message: "timeout")) == .reconcile)
        #expect(found.status == .unknown)
        #expect(found.startAttempt(maxAttempts: 2) == .rejected("cannot dial a contact that is unknown"))
        #expect(found.reconciled(placed: true) == .follow)
        #expect(found.status == .inCall)
        #expect(found.attempts == 1)

        var absent = ContactLifecycle(status: .pending)
        _ = absent.startAttempt(maxAttempts: 2)
        _ = absent.triggerFailed(.ambiguous(message: "HTTP 503"))
        #expect(absent.reconciled(placed: false) == .requeue)
        #expect(absent.status == .pending)
        #expect(absent.attempts == 0)
    }

    @Test("a dialing contact left by a crash is reconciled like an unknown one")
    func crashedWhileDialing() {
        var contact = ContactLifecycle(status: .dialing, attempts: 1)
        #expect(contact.reconciled(placed: true) == .follow)
        #expect(contact.status == .inCall)
    }

    @Test("a call without a final status within the bound ends as failed and is not redialed")
    func unresolvedCall() {
        var contact = ContactLifecycle(status: .inCall, attempts: 1)
        #expect(contact.callUnresolved(after: .seconds(7200)) == .finish)
        #expect(contact.status == .failed)
        #expect(contact.lastError == "no final call status within 2 h")
    }

    @Test("cancel and suppression end waiting contacts only")
    func cancelAndSuppress() {
        var waiting = ContactLifecycle(status: .retryWait, attempts: 1, nextAttemptAt: now)
        #expect(waiting.cancel() == .finish)
        #expect(waiting.status == .cancelled)
        #expect(waiting.nextAttemptAt == nil)

        var inCall = ContactLifecycle(status: .inCall, attempts: 1)
        #expect(inCall.cancel() == .rejected("a contact that is in_call is not waiting"))
        #expect(inCall.status == .inCall)

        var pending = ContactLifecycle(status: .pending)
        #expect(pending.suppressed() == .finish)
        #expect(pending.status == .suppressed)
    }

    @Test("events that do not apply change nothing", arguments: ContactStatus.allCases)
    func rejectedEvents(status: ContactStatus) {
        var contact = ContactLifecycle(status: status, attempts: 1)
        let before = contact
        if status != .dialing && status != .unknown {
            #expect(contact.triggerAccepted() != .follow)
            #expect(contact.reconciled(placed: true) != .follow)
        }
        if status != .dialing {
            #expect(contact.triggerFailed(.ambiguous(message: "x")) != .reconcile)
        }
        if status != .inCall {
            #expect(contact.callEnded(.completed, policy: policy, now: now) != .finish)
            #expect(contact.callUnresolved(after: .seconds(1)) != .finish)
        }
        if !status.isDialable {
            #expect(contact.startAttempt(maxAttempts: 9) != .trigger)
            #expect(contact.cancel() != .finish)
        }
        #expect(contact == before)
    }

    @Test("the attempt limit is enforced")
    func attemptLimit() {
        var contact = ContactLifecycle(status: .retryWait, attempts: 2)
        #expect(contact.startAttempt(maxAttempts: 2) == .rejected("all 2 attempts are used"))
        #expect(contact.status == .retryWait)
    }
}

extension ContactLifecycleTests {
    @Test("a closed calling window defers the contact as it is; a lowered attempt limit ends it failed")
    func windowAndAttemptLimit() {
        let opening = Date(timeIntervalSince1970: 1_800_003_600)
        var waiting = ContactLifecycle(status: .retryWait, attempts: 2)
        waiting.deferToWindow(opening: opening)
        #expect(waiting.status == .retryWait)
        #expect(waiting.attempts == 2)
        #expect(waiting.nextAttemptAt == opening)

        var used = ContactLifecycle(status: .retryWait, attempts: 3)
        #expect(used.startAttempt(maxAttempts: 2) == .rejected("all 2 attempts are used"))
        used.giveUp(maxAttempts: 2)
        #expect(used.status == .failed)
        #expect(used.attempts == 3)
        #expect(used.nextAttemptAt == nil)
        #expect(used.lastError == "all 2 attempts are used")
    }
}
