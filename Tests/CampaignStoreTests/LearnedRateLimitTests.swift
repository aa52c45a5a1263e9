@testable import SQLiteStore
import CampaignStore
import Foundation
import GRDB
import Testing

@Suite("Learned rate limits")
struct LearnedRateLimitTests {
    @Test("a learned limit is stored per key fingerprint, replaced by a newer one, and listed newest first")
    func storeAndReplace() throws {
        let database = try CampaignDatabase.inMemory()
        #expect(try database.learnedRateLimit(keyFingerprint: "0123456789abcdef") == nil)
        let first = LearnedRateLimit(keyFingerprint: "0123456789abcdef", requestsPerSecond: 19.5, learnedAt: Date(timeIntervalSince1970: 1_800_000_000))
        let other = LearnedRateLimit(keyFingerprint: "fedcba9876543210", requestsPerSecond: 5, learnedAt: Date(timeIntervalSince1970: 1_800_000_100))
        try database.saveLearnedRateLimit(first)
        try database.saveLearnedRateLimit(other)
        #expect(try database.learnedRateLimit(keyFingerprint: "0123456789abcdef") == first)
        var newer = first
        newer.requestsPerSecond = 21.25
        newer.learnedAt = Date(timeIntervalSince1970: 1_800_000_200)
        try database.saveLearnedRateLimit(newer)
        #expect(try database.learnedRateLimits() == [newer, other])
    }

    @Test("the schema refuses a rate that is not positive and a fingerprint that is not one")
    func constraints() throws {
        let database = try CampaignDatabase.inMemory()
        #expect(throws: DatabaseError.self) {
            try database.saveLearnedRateLimit(LearnedRateLimit(keyFingerprint: "0123456789abcdef", requestsPerSecond: 0, learnedAt: Date()))
        }
        #expect(throws: DatabaseError.self) {
            try database.saveLearnedRateLimit(LearnedRateLimit(keyFingerprint: "", requestsPerSecond: 3, learnedAt: Date()))
        }
    }
}
