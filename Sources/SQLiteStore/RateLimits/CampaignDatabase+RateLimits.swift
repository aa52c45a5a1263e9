public import CampaignStore
import Foundation
import GRDB

extension CampaignDatabase {
    /// The limit learned for the key with this fingerprint, if any.
    public func learnedRateLimit(keyFingerprint: String) throws -> LearnedRateLimit? {
        try writer.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT key_fingerprint, requests_per_second, learned_at FROM api_rate_limits WHERE key_fingerprint = ?",
                arguments: [keyFingerprint]
            ).map(Self.learnedRateLimit)
        }
    }

    /// Every learned limit, most recent first.
    public func learnedRateLimits() throws -> [LearnedRateLimit] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT key_fingerprint, requests_per_second, learned_at FROM api_rate_limits ORDER BY learned_at DESC"
            ).map(Self.learnedRateLimit)
        }
    }

    /// Stores `limit`, replacing what was learned before for the same key.
    public func saveLearnedRateLimit(_ limit: LearnedRateLimit) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO api_rate_limits (key_fingerprint, requests_per_second, learned_at) VALUES (?, ?, ?)
                    ON CONFLICT (key_fingerprint) DO UPDATE SET
                        requests_per_second = excluded.requests_per_second, learned_at = excluded.learned_at
                    """,
                arguments: [limit.keyFingerprint, limit.requestsPerSecond, limit.learnedAt.epochMilliseconds]
            )
        }
    }

    private static func learnedRateLimit(_ row: Row) -> LearnedRateLimit {
        LearnedRateLimit(
            keyFingerprint: row[0],
            requestsPerSecond: row[1],
            learnedAt: Date(epochMilliseconds: row[2])
        )
    }
}
