import CampaignStore
import GRDB

/// Counts and sums over a whole campaign, computed by SQLite in a handful of grouped queries, so
/// that they cover every contact and attempt without loading them.
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

    /// Reads the aggregates of campaign `id`.
    static func fetch(campaign id: Int64, in db: Database) throws -> CampaignAggregates {
        var aggregates = CampaignAggregates()
        for (state, count) in try CampaignDatabase.contactCounts(ofCampaign: id, in: db) {
            aggregates.contactsByState[state] = count
        }
        if let reach = try Row.fetchOne(
            db,
            sql: """
                SELECT COALESCE(SUM(EXISTS (SELECT 1 FROM attempts a WHERE a.contact_id = c.id AND a.call_id IS NOT NULL)), 0),
                       COALESCE(SUM(EXISTS (SELECT 1 FROM attempts a WHERE a.contact_id = c.id
                                    AND COALESCE(a.outcome, a.call_status) = 'completed')), 0)
                FROM contacts c WHERE c.campaign_id = ?
                """,
            arguments: [id]
        ) {
            aggregates.dialedContacts = reach[0]
            aggregates.answeredContacts = reach[1]
        }
        let outcomes = try Row.fetchAll(
            db,
            sql: """
                SELECT CASE
                           WHEN outcome IS NOT NULL AND outcome <> 'accepted' THEN outcome
                           WHEN ended_at IS NULL THEN 'in_progress'
                           WHEN call_id IS NULL THEN 'not_placed'
                           ELSE COALESCE(call_status, 'unknown')
                       END,
                       COUNT(*), COUNT(call_id), COALESCE(SUM(duration_ms), 0), COALESCE(SUM(cost), 0.0)
                FROM attempts WHERE campaign_id = ? GROUP BY 1
                """,
            arguments: [id]
        )
        for row in outcomes {
            let outcome: String = row[0]
            let count: Int = row[1]
            let cost: Double = row[4]
            aggregates.attemptsByOutcome[outcome] = count
            aggregates.costByOutcome[outcome] = cost
            aggregates.attempts += count
            aggregates.callsPlaced += row[2] as Int
            aggregates.talkMilliseconds += row[3] as Int64
            aggregates.cost += cost
        }
        aggregates.nextRedialAt = try Int64.fetchOne(
            db,
            sql: "SELECT MIN(next_attempt_at) FROM contacts WHERE campaign_id = ? AND status = 'retry_wait'",
            arguments: [id]
        )
        return aggregates
    }
}
