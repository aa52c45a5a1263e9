import Foundation

/// What one poll of the call history looks for.
struct PollRequest: Sendable, Hashable {
    /// An ambiguous attempt, looked for by its id in the calls' metadata, or by number and time.
    struct Target: Sendable, Hashable {
        /// The number the attempt dialed.
        var number: String
        /// When the attempt started.
        var startedAt: Date
        /// The attempt's id.
        var id: UUID
    }

    /// Calls being followed.
    var callIDs: Set<String>
    /// Ambiguous attempts, by attempt id (lowercased).
    var unknowns: [String: Target]
    /// Records older than this cannot belong to any target: the scan may stop there.
    var oldest: Date
    /// Followed calls not seen in the history lately: asked for one by one.
    var details: [String]
    /// The most history pages to read.
    var maxPages: Int
}
