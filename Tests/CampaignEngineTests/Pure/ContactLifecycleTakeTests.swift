import CampaignEngine
import CampaignStore
import Foundation
import Testing

@Suite("Contact lifecycle: taking a due contact")
struct ContactLifecycleTakeTests {
    // 1_800_000_000 is Friday 2027-01-15 08:00 UTC: 13:30 in Kolkata, 03:00 in New York.
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func configuration(maxAttempts: Int = 3) -> EngineConfiguration {
        var configuration = EngineConfiguration(redial: RedialPolicy(maxAttempts: maxAttempts))
        configuration.callingHours = try? CallingHours(parsingHours: "09:00-21:00")
        return configuration
    }

    func contact(
        status: ContactStatus = .pending,
        attempts: Int = 0,
        timeZone: String? = "Asia/Kolkata",
        suppressed: Bool = false
    ) -> DueContact {
        DueContact(
            id: 1,
            name: "A",
            phoneNumber: "+919800000001",
            timeZone: timeZone,
            status: status,
            attempts: attempts,
            nextAttemptAt: status == .retryWait ? now : nil,
            isSuppressed: suppressed
        )
    }

    @Test("a contact in its window, with attempts left, starts an attempt")
    func trigger() {
        let due = contact(status: .retryWait, attempts: 1)
        var lifecycle = ContactLifecycle(due)
        #expect(lifecycle.take(due, under: configuration(), at: now) == .trigger)
        #expect(lifecycle.status == .dialing && lifecycle.attempts == 2 && lifecycle.nextAttemptAt == nil)
    }

    @Test("a number on the do-not-call list ends suppressed, before its window or attempts count")
    func suppressed() {
        let due = contact(attempts: 5, timeZone: "America/New_York", suppressed: true)
        var lifecycle = ContactLifecycle(due)
        #expect(lifecycle.take(due, under: configuration(), at: now) == .suppress)
        #expect(lifecycle.status == .suppressed)
        #expect(lifecycle.lastError == "number is on the do-not-call list")
        #expect(lifecycle.nextAttemptAt == nil)
    }

    @Test("a closed window defers the contact, as it is, to the window's opening in its own time zone")
    func closedWindow() {
        let due = contact(attempts: 1, timeZone: "America/New_York")
        var lifecycle = ContactLifecycle(due)
        let opening = now.addingTimeInterval(6 * 3600)
        #expect(lifecycle.take(due, under: configuration(), at: now) == .waitForWindow(opening: opening))
        #expect(lifecycle.status == .pending && lifecycle.attempts == 1 && lifecycle.nextAttemptAt == opening)
        // Without calling hours every hour is open; a contact without a zone uses the fallback.
        var anyHour = configuration()
        anyHour.callingHours = nil
        var open = ContactLifecycle(due)
        #expect(open.take(due, under: anyHour, at: now) == .trigger)
        var utc = ContactLifecycle(contact(timeZone: nil))
        #expect(
            utc.take(contact(timeZone: nil), under: configuration(), at: now)
                == .waitForWindow(opening: now.addingTimeInterval(3600))
        )
    }

    @Test("a contact that used every attempt the limit now allows ends failed")
    func attemptLimit() {
        let due = contact(status: .retryWait, attempts: 2)
        var lifecycle = ContactLifecycle(due)
        #expect(lifecycle.take(due, under: configuration(maxAttempts: 2), at: now) == .giveUp)
        #expect(lifecycle.status == .failed && lifecycle.attempts == 2 && lifecycle.nextAttemptAt == nil)
        #expect(lifecycle.lastError == "all 2 attempts are used")
    }

    @Test("a contact that is not waiting cannot be taken")
    func rejected() {
        let due = contact(status: .inCall, attempts: 1)
        var lifecycle = ContactLifecycle(due)
        #expect(
            lifecycle.take(due, under: configuration(), at: now) == .rejected("cannot dial a contact that is in_call")
        )
        #expect(lifecycle == ContactLifecycle(status: .inCall, attempts: 1))
    }
}
