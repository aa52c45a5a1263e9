/// The request rates at which the API began refusing each API key, remembered between runs. Keys are
/// known only by their fingerprint.
public protocol RateLimitMemory: Sendable {
    /// The limit learned for the key with this fingerprint, or `nil`.
    func learnedRateLimit(keyFingerprint: String) async throws -> LearnedRateLimit?

    /// Every learned limit.
    func learnedRateLimits() async throws -> [LearnedRateLimit]

    /// Remembers a limit, replacing the key's earlier one.
    func saveLearnedRateLimit(_ limit: LearnedRateLimit) async throws
}
