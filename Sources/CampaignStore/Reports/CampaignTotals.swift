public import Foundation

/// Counts and sums over a whole campaign, computed by the store without loading its rows.
public struct CampaignTotals: Sendable, Hashable {
    /// The attempts of one outcome word.
    public struct OutcomeTotal: Sendable, Hashable {
        /// Attempt rows.
        public var attempts: Int
        /// Attempts with a call id: calls the API placed.
        public var callsPlaced: Int
        /// Their talk time.
        public var talkMilliseconds: Int64
        /// Their cost.
        public var cost: Double

        /// Creates a value.
        public init(attempts: Int, callsPlaced: Int, talkMilliseconds: Int64, cost: Double) {
            self.attempts = attempts
            self.callsPlaced = callsPlaced
            self.talkMilliseconds = talkMilliseconds
            self.cost = cost
        }
    }

    /// Contacts per stored status.
    public var contactsByStatus: [ContactStatus: Int]
    /// Contacts that had at least one call placed.
    public var dialedContacts: Int
    /// Contacts with at least one completed (answered) call.
    public var answeredContacts: Int
    /// Attempts per outcome word as the engine records it (`completed`, `no_answer`, `busy`, `failed`,
    /// `voicemail`, `dnd`, `invalid`, `ambiguous`, `unresolved`), `in_progress` for attempts that have
    /// not ended (the engine's `accepted`), `not_placed` for ended attempts without a call, else the
    /// call's last status.
    public var outcomes: [String: OutcomeTotal]
    /// The earliest redial due.
    public var nextRedialAt: Date?

    /// Creates a value.
    public init(
        contactsByStatus: [ContactStatus: Int] = [:],
        dialedContacts: Int = 0,
        answeredContacts: Int = 0,
        outcomes: [String: OutcomeTotal] = [:],
        nextRedialAt: Date? = nil
    ) {
        self.contactsByStatus = contactsByStatus
        self.dialedContacts = dialedContacts
        self.answeredContacts = answeredContacts
        self.outcomes = outcomes
        self.nextRedialAt = nextRedialAt
    }
}
