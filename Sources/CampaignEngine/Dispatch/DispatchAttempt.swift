import CampaignStore
import Foundation

/// An attempt started for a contact: its intent row is committed before its trigger request can be sent.
struct DispatchAttempt: Sendable, Hashable {
    /// The contact dialed.
    var contact: DueContact
    /// The contact's lifecycle, `dialing`.
    var lifecycle: ContactLifecycle
    /// The attempt's id, also its idempotency key.
    var attemptID: UUID
    /// When the attempt was started.
    var startedAt: Date
    /// Whether it is the one probe sent at a time while the wallet is empty.
    var isProbe: Bool
}
