public import CampaignStore
public import Foundation

/// What `run` would do now: how many contacts it would dial, how many wait for their calling window or a
/// redial, what is skipped and why, and how long dialing would take at the configured pace.
public struct CampaignPlan: Sendable, Hashable {
    /// Contacts in each status.
    public var counts: [ContactStatus: Int]
    /// Contacts that would be dialed now.
    public var dialNow: Int
    /// Due contacts whose calling window is closed now.
    public var waitingForWindow: Int
    /// When the first closed window opens.
    public var nextWindowOpening: Date?
    /// Contacts waiting for a redial that is not due yet.
    public var waitingForRedial: Int
    /// When the first of them is due.
    public var nextRedial: Date?
    /// Due contacts whose number is now on the do-not-call list; they would be skipped.
    public var newlySuppressed: Int
    /// Due contacts that have used every attempt the settings allow (the limit was lowered below what they
    /// already used); they would end as failed without a call.
    public var attemptsUsedUp: Int = 0
    /// Attempts left unfinished by an earlier run, reconciled before anything else.
    public var unfinished: Int
    /// Seconds to dial the contacts due now at the configured pace; `nil` when unpaced.
    public var estimatedSeconds: Double?
    /// Warnings about the settings, e.g. no calling hours.
    public var warnings: [String]

    /// Works out the plan.
    /// - Parameters:
    ///   - journal: The campaign.
    ///   - configuration: The settings a run would use.
    ///   - now: The current time.
    public static func make(journal: any DispatchJournal, configuration: EngineConfiguration, now: Date) async throws -> CampaignPlan {
        let counts = try await journal.statusCounts()
        var plan = CampaignPlan(
            counts: counts,
            dialNow: 0,
            waitingForWindow: 0,
            waitingForRedial: 0,
            newlySuppressed: 0,
            unfinished: counts[.dialing, default: 0] + counts[.unknown, default: 0],
            warnings: []
        )
        var cursor: Int64 = 0
        while true {
            let batch = try await journal.dueContacts(now: now, afterID: cursor, limit: 2000)
            guard let last = batch.last else { break }
            cursor = last.id
            for contact in batch {
                // The run loop's own decision on each due contact.
                var lifecycle = ContactLifecycle(contact)
                switch lifecycle.take(contact, under: configuration, at: now) {
                case .suppress:
                    plan.newlySuppressed += 1
                case .waitForWindow(let opening):
                    plan.waitingForWindow += 1
                    plan.nextWindowOpening = min(plan.nextWindowOpening ?? opening, opening)
                case .giveUp:
                    plan.attemptsUsedUp += 1
                case .trigger:
                    plan.dialNow += 1
                case .rejected:
                    break
                }
            }
        }
        let waiting = counts[.pending, default: 0] + counts[.retryWait, default: 0]
        plan.waitingForRedial = max(
            0,
            waiting - plan.dialNow - plan.waitingForWindow - plan.newlySuppressed - plan.attemptsUsedUp
        )
        if plan.waitingForRedial > 0 { plan.nextRedial = try await journal.nextDueDate(after: now) }
        if configuration.rate > 0 { plan.estimatedSeconds = Double(plan.dialNow) / configuration.rate }
        if configuration.callingHours == nil {
            plan.warnings.append(
                "no calling hours are set: contacts may be called at any hour of their local day (set --calling-hours 09:00-21:00)"
            )
        }
        if configuration.rate == 0 {
            plan.warnings.append("no pace is set (--rate 0): the dialer goes as fast as the API allows and slows down on 429s")
        }
        return plan
    }
}
