import CampaignStore
import Foundation

/// What the run loop writes to the journal in one go: a batch of entries, and a rate limit the API revealed
/// for the key, to remember for the next run.
struct JournalWrite: Sendable, Hashable {
    /// A rate limit learned in this run.
    struct LearnedRateLimit: Sendable, Hashable {
        /// Requests per second at which the API began answering 429.
        var requestsPerSecond: Double
        /// When it is recorded.
        var at: Date
    }

    /// The entries, applied in order in one transaction.
    var entries: [JournalEntry]
    /// The rate limit to remember, if one was learned since the last write.
    var learnedRateLimit: LearnedRateLimit?
}
