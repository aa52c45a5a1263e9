public import Foundation

/// A number on the global do-not-call list: never dialed by any campaign. A row of `suppression`.
public struct SuppressionEntry: Sendable, Hashable {
    /// The number in E.164.
    public var phoneE164: String
    /// Why it is listed (for example `do-not-call list` or `DND registry (403)`).
    public var reason: String
    /// Where it came from (for example the file it was read from, or `api`).
    public var source: String
    /// When it was listed.
    public var addedAt: Date

    /// Creates an entry.
    public init(phoneE164: String, reason: String, source: String, addedAt: Date = Date()) {
        self.phoneE164 = phoneE164
        self.reason = reason
        self.source = source
        self.addedAt = addedAt
    }
}
