public import CampaignStore
public import Foundation

/// A campaign's journal that counts what the runner writes to it: each accepted trigger is a placed
/// call, each ended attempt an outcome (and, when answered, a call duration). The counts therefore
/// match what the store keeps, write for write.
public struct MetricsJournal: DispatchJournal {
    /// The store's journal of the campaign.
    public let base: any DispatchJournal
    /// The campaign's name, the metrics' label.
    public let campaign: String
    /// Where the counts go.
    public let metrics: DialerMetrics

    /// Creates a counting journal over `base`.
    /// - Parameters:
    ///   - base: The store's journal of the campaign.
    ///   - campaign: The campaign's name.
    ///   - metrics: Where the counts go.
    public init(base: any DispatchJournal, campaign: String, metrics: DialerMetrics) {
        self.base = base
        self.campaign = campaign
        self.metrics = metrics
    }

    /// Stores the entries, then counts them (entries that failed to store are not counted).
    public func apply(_ entries: [JournalEntry]) async throws {
        try await base.apply(entries)
        for entry in entries {
            switch entry.attempt {
            case .accepted:
                metrics.recordCallPlaced(campaign: campaign)
            case .ended(_, let outcome, let report, _, _):
                let duration = report?.durationMilliseconds.flatMap { $0 > 0 ? Duration.milliseconds($0) : nil }
                metrics.recordCallEnded(campaign: campaign, outcome: outcome, duration: duration)
            default:
                break
            }
        }
    }

    public func unfinishedAttempts() async throws -> [OpenAttempt] { try await base.unfinishedAttempts() }
    public func callsInProgress() async throws -> [OpenAttempt] { try await base.callsInProgress() }
    public func dueContacts(now: Date, afterID: Int64, limit: Int) async throws -> [DueContact] {
        try await base.dueContacts(now: now, afterID: afterID, limit: limit)
    }
    public func attemptNamespace() async throws -> String { try await base.attemptNamespace() }
    public func nextDueDate() async throws -> Date? { try await base.nextDueDate() }
    public func nextDueDate(after date: Date) async throws -> Date? { try await base.nextDueDate(after: date) }
    public func campaignState() async throws -> CampaignState { try await base.campaignState() }
    public func setCampaignState(_ state: CampaignState) async throws { try await base.setCampaignState(state) }
    public func compareAndSetCampaignState(expected: CampaignState, new: CampaignState) async throws -> Bool {
        try await base.compareAndSetCampaignState(expected: expected, new: new)
    }
    public func compareAndSetCampaignState(expected: CampaignState, new: CampaignState, event: OutboxEvent)
        async throws -> Bool
    {
        try await base.compareAndSetCampaignState(expected: expected, new: new, event: event)
    }
    public func cancelWaitingContacts() async throws -> Int { try await base.cancelWaitingContacts() }
    public func statusCounts() async throws -> [ContactStatus: Int] { try await base.statusCounts() }
    public func learnedRateLimit(keyFingerprint: String) async throws -> Double? {
        try await base.learnedRateLimit(keyFingerprint: keyFingerprint)
    }
    public func saveLearnedRateLimit(keyFingerprint: String, requestsPerSecond: Double, at date: Date) async throws {
        try await base.saveLearnedRateLimit(keyFingerprint: keyFingerprint, requestsPerSecond: requestsPerSecond, at: date)
    }
}
