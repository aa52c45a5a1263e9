import CampaignStore
public import Foundation

extension CampaignReporter {
    /// The status of one campaign.
    ///
    /// - Parameters:
    ///   - name: The campaign's name.
    ///   - now: The current time, to tell a live run lease from one a killed process left behind.
    /// - Throws: ``CampaignReportError/unknownCampaign(name:)``, or a store error.
    public func status(campaign name: String, now: Date = Date()) async throws -> CampaignStatusSummary {
        var summary = try await store.withReportSnapshot { snapshot in
            let campaign = try await campaign(named: name, in: snapshot)
            let aggregates = try await CampaignAggregates.fetch(campaign: campaign.id, in: snapshot)
            return CampaignStatusSummary(campaign: campaign, aggregates: aggregates, now: now)
        }
        summary.learnedRateLimits = try await store.learnedRateLimits()
        return summary
    }
}

extension CampaignStatusSummary {
    init(campaign: Campaign, aggregates: CampaignAggregates, now: Date) {
        self.campaign = campaign.name
        agentID = campaign.agentID
        state = campaign.status
        pauseReason = campaign.pauseReason
        runner = campaign.lease.map { lease in
            Runner(pid: lease.pid, host: lease.host, leaseExpiresAt: lease.expiresAt, isActive: lease.expiresAt > now)
        }
        contacts = aggregates.contacts
        var byState: [String: Int] = [:]
        for state in ContactStatus.allCases { byState[state.rawValue] = aggregates.contactsByState[state] ?? 0 }
        contactsByState = byState
        var byStatus: [String: Int] = [:]
        let reported = aggregates.contactsByReportedStatus
        for status in ReportedStatus.allCases { byStatus[status.rawValue] = reported[status] ?? 0 }
        contactsByStatus = byStatus
        finishedContacts = aggregates.contactsByState.filter { $0.key.isFinal }.values.reduce(0, +)
        dialedContacts = aggregates.dialedContacts
        answeredContacts = aggregates.answeredContacts
        attempts = aggregates.attempts
        callsPlaced = aggregates.callsPlaced
        attemptsByOutcome = aggregates.attemptsByOutcome
        answerRate = aggregates.answerRate
        talkMinutes = Double(aggregates.talkMilliseconds) / 60_000
        cost = aggregates.cost
        awaitingReconciliation =
            (aggregates.contactsByState[.unknown] ?? 0) + (aggregates.contactsByState[.dialing] ?? 0)
        nextRedialAt = aggregates.nextRedialAt.map { Date(epochMilliseconds: $0) }
        nextStep = ""
        nextStep = Self.nextStep(for: self, now: now)
    }

    /// What to do next, from the campaign's state and its contacts.
    static func nextStep(for summary: CampaignStatusSummary, now: Date) -> String {
        let name = ShellWord.quoted(summary.campaign)
        let remaining = summary.contacts - summary.finishedContacts
        let export = "`vaani-dialer export \(name) --format html --output report.html`"
        switch summary.state {
        case .completed:
            return "Every contact is final. See the results with \(export)."
        case .cancelled:
            return "Cancelled with \(remaining) contact(s) not finished. See the results with \(export)."
        case .running:
            if let runner = summary.runner, runner.isActive {
                return "Running in process \(runner.pid) on \(runner.host). "
                    + "Stop it with `vaani-dialer pause \(name)`; follow it with `vaani-dialer status \(name)`."
            }
            return "The last run stopped without finishing (killed or crashed). "
                + "Continue safely with `vaani-dialer resume \(name)`; nobody is dialed twice."
        case .paused:
            let reason = summary.pauseReason ?? "by request"
            if reason.localizedCaseInsensitiveContains("balance") {
                return "Paused: \(reason). Top up the Vaani wallet, then run `vaani-dialer resume \(name)`."
            }
            return "Paused: \(reason). Continue with `vaani-dialer resume \(name)`."
        case .ready:
            if summary.contacts == 0 {
                return "No contacts yet. Add some with `vaani-dialer import FILE.csv --campaign \(name) --agent AGENT_ID`."
            }
            if summary.attempts == 0 {
                return "Not started. Preview with `vaani-dialer plan \(name)`, then start with `vaani-dialer run \(name)`."
            }
            if remaining == 0 {
                return "Every contact is final. See the results with \(export)."
            }
            let waiting = summary.contactsByState[ContactStatus.retryWait.rawValue] ?? 0
            if waiting == remaining, let due = summary.nextRedialAt, due > now {
                return "\(waiting) contact(s) wait for a redial, the first due at \(Timestamp.iso8601(epochMilliseconds: due.epochMilliseconds)). "
                    + "`vaani-dialer resume \(name)` waits until then and dials them."
            }
            return "\(remaining) contact(s) left. Continue with `vaani-dialer resume \(name)`."
        }
    }
}
