import CampaignStore
import Foundation

/// Journal entries waiting to be written in one batch, once there are enough of them or the oldest write
/// is old enough, and a rate limit learned for the API key and not yet stored.
struct WriteBuffer<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// A batch is due at this many entries.
    let batchSize: Int
    /// A batch is due this long after the last one.
    let maximumAge: Duration
    /// Whether learned rate limits are kept for writing (the run knows its API key's fingerprint).
    let remembersRateLimit: Bool
    /// The entries waiting.
    private(set) var entries: [JournalEntry] = []
    /// A rate limit learned and not yet written.
    private(set) var learnedRateLimit: Double?
    /// When entries were last written.
    private(set) var lastWrite: Instant

    /// Creates an empty buffer.
    /// - Parameters:
    ///   - batchSize: Entries that make a batch due (default 512).
    ///   - maximumAge: Age that makes a batch due (default 100 ms).
    ///   - remembersRateLimit: Whether to keep learned rate limits.
    ///   - now: The current instant.
    init(
        batchSize: Int = 512,
        maximumAge: Duration = .milliseconds(100),
        remembersRateLimit: Bool,
        now: Instant
    ) {
        self.batchSize = batchSize
        self.maximumAge = maximumAge
        self.remembersRateLimit = remembersRateLimit
        lastWrite = now
    }

    /// Adds an entry.
    mutating func append(_ entry: JournalEntry) {
        entries.append(entry)
    }

    /// Keeps a rate limit to write with the next batch (replacing one not yet written).
    mutating func learned(rateLimit: Double) {
        if remembersRateLimit { learnedRateLimit = rateLimit }
    }

    /// Whether a batch is due: enough entries, or the last write long enough ago.
    func isDue(now: Instant) -> Bool {
        entries.count >= batchSize || lastWrite.duration(to: now) >= maximumAge
    }

    /// Takes everything waiting as one write, or `nil` when nothing waits.
    /// - Parameter date: The wall-clock time, recorded with a learned rate limit.
    mutating func take(at date: Date) -> JournalWrite? {
        guard !entries.isEmpty || learnedRateLimit != nil else { return nil }
        let write = JournalWrite(
            entries: entries,
            learnedRateLimit: learnedRateLimit.map { .init(requestsPerSecond: $0, at: date) }
        )
        entries = []
        learnedRateLimit = nil
        return write
    }

    /// A write taken from the buffer is done.
    mutating func written(_ write: JournalWrite, at now: Instant) {
        if !write.entries.isEmpty { lastWrite = now }
    }
}
