/// The store's do-not-call list, shared by every campaign in it.
public protocol SuppressionList: Sendable {
    /// Adds numbers to the list; numbers already on it keep their first entry.
    /// - Returns: How many were added.
    func suppress(_ entries: [SuppressionEntry]) async throws -> Int

    /// Whether `phoneE164` is on the list.
    func isSuppressed(_ phoneE164: String) async throws -> Bool

    /// Every number on the list.
    func suppressedNumbers() async throws -> Set<String>

    /// The list's entry for `phoneE164`, or `nil`.
    func suppressionEntry(for phoneE164: String) async throws -> SuppressionEntry?
}
