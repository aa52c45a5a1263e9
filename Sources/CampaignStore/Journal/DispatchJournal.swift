public import Foundation

/// Where the engine keeps its state: one campaign's contacts and attempts. Each store implements it;
/// every method is one transaction.
public protocol DispatchJournal: Sendable {
    /// Contacts whose trigger was in flight or ambiguous when the last run ended (`dialing`, `unknown`),
    /// with their open attempt: they are reconciled before anything new is dialed.
    func unfinishedAttempts() async throws -> [OpenAttempt]

    /// Contacts whose call was placed and has not ended (`in_call`), with their attempt.
    func callsInProgress() async throws -> [OpenAttempt]

    /// Contacts that may be dialed at `now`: `pending`, or `retry_wait` whose redial is due, in order.
    /// - Parameters:
    ///   - now: The current time.
    ///   - afterID: Only contacts with a larger id (a cursor over one pass).
    ///   - limit: The most contacts to return.
    func dueContacts(now: Date, afterID: Int64, limit: Int) async throws -> [DueContact]

    /// Text that identifies the campaign for good — in this database and against any other database
    /// dialing on the same account — from which attempt ids are derived (``AttemptIdentity``).
    func attemptNamespace() async throws -> String

    /// The earliest time a waiting contact becomes due, or `nil` when none waits.
    func nextDueDate() async throws -> Date?

    /// The earliest time after `date` at which a waiting contact becomes due, or `nil` when none waits
    /// beyond it.
    func nextDueDate(after date: Date) async throws -> Date?

    /// Writes a batch of changes in one transaction.
    /// - Parameter entries: The changes, applied in order.
    func apply(_ entries: [JournalEntry]) async throws

    /// The campaign's status as stored, to notice a `pause` or `cancel` from another process.
    func campaignState() async throws -> CampaignState

    /// Records the campaign's new status.
    /// - Parameter state: The status.
    func setCampaignState(_ state: CampaignState) async throws

    /// Records `new` only if the stored status is still `expected` (compare-and-set), so that a pause
    /// or cancel from another process and the runner's own change never overwrite each other.
    /// - Returns: Whether the status was changed.
    func compareAndSetCampaignState(expected: CampaignState, new: CampaignState) async throws -> Bool

    /// ``compareAndSetCampaignState(expected:new:)`` that also writes `event` to the webhook outbox in
    /// the same transaction, if and only if the state changed.
    func compareAndSetCampaignState(expected: CampaignState, new: CampaignState, event: OutboxEvent) async throws
        -> Bool

    /// Marks every waiting (`pending`, `retry_wait`) contact `cancelled`.
    /// - Returns: How many were cancelled.
    func cancelWaitingContacts() async throws -> Int

    /// The number of contacts in each status.
    func statusCounts() async throws -> [ContactStatus: Int]

    /// The request rate at which the API began answering 429 for the key with this fingerprint, as an
    /// earlier run learned it.
    func learnedRateLimit(keyFingerprint: String) async throws -> Double?

    /// Remembers the rate at which the API began answering 429 for the key with this fingerprint.
    func saveLearnedRateLimit(keyFingerprint: String, requestsPerSecond: Double, at date: Date) async throws
}
