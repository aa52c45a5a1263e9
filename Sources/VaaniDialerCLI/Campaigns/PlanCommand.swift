import ArgumentParser
import CampaignEngine
import CampaignStore
import Foundation

/// `vaani-dialer plan NAME`: what `run` would do now, without calling anyone.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what run would do now: who would be dialed, who waits and why, and how long it would take."
    )

    @Argument(help: "The campaign's name.")
    var name: String

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: RunOptions

    func run() async throws {
        let store = try database.openExistingForReading()
        guard let campaign = try await store.campaign(named: name) else {
            throw ValidationError("No campaign named \"\(name)\" in \(database.resolvedPath). Import contacts first.")
        }
        let configuration = try CampaignRun(name: name, database: database, options: options).resolveSettings(campaign)
        let journal = store.journal(ofCampaign: campaign.id)
        let plan = try await CampaignPlan.make(journal: journal, configuration: configuration, now: Date())
        let total = plan.counts.values.reduce(0, +)
        print("Campaign \(name) — agent \(campaign.agentID), \(total) contacts, status \(try await journal.campaignState().description)")
        if plan.unfinished > 0 {
            print("  reconcile first: \(plan.unfinished) attempts left unfinished by an earlier run")
        }
        print("  dial now: \(plan.dialNow)")
        if plan.waitingForWindow > 0 {
            let opening = plan.nextWindowOpening.map { " (first opens \(ProgressPrinter.format($0)))" } ?? ""
            print("  waiting for their calling window: \(plan.waitingForWindow)\(opening)")
        }
        if plan.waitingForRedial > 0 {
            let next = plan.nextRedial.map { " (first due \(ProgressPrinter.format($0)))" } ?? ""
            print("  waiting for a redial: \(plan.waitingForRedial)\(next)")
        }
        if plan.attemptsUsedUp > 0 {
            print("  every allowed attempt used, would end as failed: \(plan.attemptsUsedUp)")
        }
        let inCall = plan.counts[.inCall, default: 0]
        if inCall > 0 { print("  calls in progress, to follow: \(inCall)") }
        let skipped: [(ContactStatus, String)] = [
            (.invalid, "invalid number or rejected by the API"), (.dnd, "on the DND registry"),
            (.suppressed, "on the do-not-call list"), (.cancelled, "cancelled"),
        ]
        for (status, why) in skipped {
            if let count = plan.counts[status], count > 0 { print("  skipped, \(why): \(count)") }
        }
        if plan.newlySuppressed > 0 { print("  skipped, added to the do-not-call list since import: \(plan.newlySuppressed)") }
        let done: [ContactStatus] = [.completed, .noAnswer, .busy, .failed, .voicemail]
        let doneText = done.compactMap { status in plan.counts[status].map { "\(status.rawValue) \($0)" } }
        if !doneText.isEmpty { print("  done: " + doneText.joined(separator: ", ")) }
        let pace = configuration.rate > 0 ? String(format: "%g calls/s", configuration.rate) : "as fast as the API allows"
        let active = configuration.maxActive > 0 ? "\(configuration.maxActive)" : "no limit"
        print("Pace: \(pace), \(configuration.concurrency) requests in flight, active calls: \(active)")
        if let hours = configuration.callingHours {
            print("Calling hours: \(hours.hoursDescription) on \(hours.daysDescription), contact's local time (default zone \(configuration.fallbackTimeZone.identifier))")
        }
        if let seconds = plan.estimatedSeconds, plan.dialNow > 0 {
            print("Estimated time to dial those due now: \(Duration(timeInterval: seconds).humanReadable)")
        }
        for warning in plan.warnings { print("Warning: \(warning)") }
    }
}
