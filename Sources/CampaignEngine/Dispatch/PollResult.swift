import CampaignStore
import Foundation

/// What one poll of the call history found.
struct PollResult: Sendable, Hashable {
    /// Reports of followed calls, by call id.
    var reports: [String: CallReport] = [:]
    /// Calls found for ambiguous attempts, by attempt id.
    var matches: [UUID: CallReport] = [:]
    /// Whether the scan covered everything since the oldest target started.
    var conclusive = false
    /// Why the scan stopped early, if it did.
    var error: String?
    /// The API refused the key: the run must stop.
    var authenticationFailure: String?
    /// The API answered 429 (with its `Retry-After`, if any): every request must back off.
    var rateLimited: Duration??
}
