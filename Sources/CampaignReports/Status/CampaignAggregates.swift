import CampaignStore

/// Counts and sums over a whole campaign, from the store's ``CampaignTotals``, as the reports show them.
struct CampaignAggregates: Sendable, Hashable {
    /// Contacts per stored state.
    var contactsByState: [ContactStatus: Int] = [:]
    /// Contacts that had at least one call placed.
    var dialedContacts = 0
    /// Contacts with at least one completed (answered) call.
    var answeredContacts = 0
    /// Attempt rows, placed or not.
    var attempts = 0
    /// Attempts with a call id: calls the API placed.
    var callsPlaced = 0
    /// Attempts per outcome word as the engine records it (`completed`, `no_answer`, `busy`, `failed`,
    /// `voicemail`, `dnd`, `invalid`, `ambiguous`, `unresolved`), `in_progress` for attempts that have
    /// not ended (the engine's `accepted`), `not_placed` for ended attempts without a call.
    var attemptsByOutcome: [String: Int] = [:]
    /// Cost per outcome word.
    var costByOutcome: [String: Double] = [:]
    /// Total talk time.
    var talkMilliseconds: Int64 = 0
    /// Total cost in the account's currency.
    var cost: Double = 0
    /// The earliest redial due, epoch milliseconds.
    var nextRedialAt: Int64?

    /// All contacts.
    var contacts: Int { contactsByState.values.reduce(0, +) }

    /// Contacts per reported word.
    var contactsByReportedStatus: [ReportedStatus: Int] {
        var result: [ReportedStatus: Int] = [:]
        for (state, count) in contactsByState { result[ReportedStatus(state), default: 0] += count }
        return result
    }

    /// Answered over dialed contacts, or `nil` before anyone was dialed.
    var answerRate: Double? {
        dialedContacts == 0 ? nil : Double(answeredContacts) / Double(dialedContacts)
    }

    /// The aggregates of campaign `id` in `snapshot`.
    static func fetch(campaign id: Int64, in snapshot: any ReportSnapshot) async throws -> CampaignAggregates {
        let totals = try await snapshot.totals(ofCampaign: id)
        var aggregates = CampaignAggregates()
        aggregates.contactsByState = totals.contactsByStatus
        aggregates.dialedContacts = totals.dialedContacts
        aggregates.answeredContacts = totals.answeredContacts
        for (outcome, total) in totals.outcomes {
            aggregates.attemptsByOutcome[outcome] = total.attempts
            aggregates.costByOutcome[outcome] = total.cost
            aggregates.attempts += total.attempts
            aggregates.callsPlaced += total.callsPlaced
            aggregates.talkMilliseconds += total.talkMilliseconds
            aggregates.cost += total.cost
        }
        aggregates.nextRedialAt = totals.nextRedialAt?.epochMilliseconds
        return aggregates
    }
}
