public import CampaignStore
public import Foundation

/// Where a campaign stands: counts by contact state and outcome, attempts, answer rate, talk time,
/// cost, pause or backoff state, and what the user should do next. `vaani-dialer status` prints it,
/// as text or (with `--json`) as ``jsonText()``.
public struct CampaignStatusSummary: Sendable, Hashable, Codable {
    /// The campaign's name.
    public var campaign: String
    /// The Vaani agent that places the calls.
    public var agentID: String
    /// The campaign's state.
    public var state: CampaignStatus
    /// Why the campaign is paused, when it is.
    public var pauseReason: String?
    /// The process that holds (or last held) the campaign's run lease.
    public var runner: Runner?
    /// All contacts.
    public var contacts: Int
    /// Contacts per stored state (`pending`, `dialing`, `retry_wait`, `completed`, …); every state
    /// is present, zero or not.
    public var contactsByState: [String: Int]
    /// Contacts per reported word, as in the CSV's `status` column; every word is present.
    public var contactsByStatus: [String: Int]
    /// Contacts that will not be dialed again.
    public var finishedContacts: Int
    /// Contacts that had at least one call placed.
    public var dialedContacts: Int
    /// Contacts with an answered (completed) call.
    public var answeredContacts: Int
    /// Attempt rows, including requests that placed no call.
    public var attempts: Int
    /// Calls the API placed.
    public var callsPlaced: Int
    /// Attempts per outcome (`completed`, `no_answer`, `busy`, `failed`, `voicemail`, `dnd`, `invalid`,
    /// `ambiguous`, `unresolved`, `in_progress`, `not_placed`).
    public var attemptsByOutcome: [String: Int]
    /// Answered over dialed contacts, `nil` before anyone was dialed.
    public var answerRate: Double?
    /// Connected talk time in minutes.
    public var talkMinutes: Double
    /// Total cost, in the account's currency.
    public var cost: Double
    /// Contacts whose trigger request had an unknown outcome; the next run reconciles them against
    /// the call history before dialing anyone.
    public var awaitingReconciliation: Int
    /// When the earliest redial is due, if any contact waits for one.
    public var nextRedialAt: Date?
    /// One or two sentences saying what to do next, with the command to type.
    public var nextStep: String
    /// The rate limits runs have learned, per API key fingerprint (one per key used with this store),
    /// most recent first.
    public var learnedRateLimits: [LearnedRateLimit] = []

    /// The process that runs (or ran) a campaign.
    public struct Runner: Sendable, Hashable, Codable {
        /// Its process id.
        public var pid: Int32
        /// Its host.
        public var host: String
        /// When its lease lapses unless renewed.
        public var leaseExpiresAt: Date
        /// Whether the lease was still valid when the summary was made; a lapsed lease means the
        /// process stopped without releasing it (killed, or the machine went down).
        public var isActive: Bool

        /// Creates a runner value.
        public init(pid: Int32, host: String, leaseExpiresAt: Date, isActive: Bool) {
            self.pid = pid
            self.host = host
            self.leaseExpiresAt = leaseExpiresAt
            self.isActive = isActive
        }
    }

    enum CodingKeys: String, CodingKey {
        case campaign
        case agentID = "agent_id"
        case state
        case pauseReason = "pause_reason"
        case runner
        case contacts
        case contactsByState = "contacts_by_state"
        case contactsByStatus = "contacts_by_status"
        case finishedContacts = "finished_contacts"
        case dialedContacts = "dialed_contacts"
        case answeredContacts = "answered_contacts"
        case attempts
        case callsPlaced = "calls_placed"
        case attemptsByOutcome = "attempts_by_outcome"
        case answerRate = "answer_rate"
        case talkMinutes = "talk_minutes"
        case cost
        case awaitingReconciliation = "awaiting_reconciliation"
        case nextRedialAt = "next_redial_at"
        case nextStep = "next_step"
        case learnedRateLimits = "learned_rate_limits"
    }
}

extension CampaignStatusSummary.Runner {
    enum CodingKeys: String, CodingKey {
        case pid, host
        case leaseExpiresAt = "lease_expires_at"
        case isActive = "is_active"
    }
}
