public import Foundation

/// The request rate at which the API started answering 429 for one API key, as a run learned it, so
/// that the next run on that key starts at that pace instead of finding it again with a burst of 429s.
///
/// The key is known only by its fingerprint (a hash), never stored itself.
public struct LearnedRateLimit: Sendable, Hashable, Codable {
    /// The API key's fingerprint (see `APIKeyFingerprint` in the engine).
    public var keyFingerprint: String
    /// Requests per second (triggers and polls together) at which 429s began.
    public var requestsPerSecond: Double
    /// When it was learned.
    public var learnedAt: Date

    /// Creates a learned limit.
    public init(keyFingerprint: String, requestsPerSecond: Double, learnedAt: Date) {
        self.keyFingerprint = keyFingerprint
        self.requestsPerSecond = requestsPerSecond
        self.learnedAt = learnedAt
    }

    enum CodingKeys: String, CodingKey {
        case keyFingerprint = "key_fingerprint"
        case requestsPerSecond = "requests_per_second"
        case learnedAt = "learned_at"
    }
}
