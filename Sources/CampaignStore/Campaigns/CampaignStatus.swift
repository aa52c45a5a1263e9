/// Where a campaign is in its life. Stored as text in `campaigns.status`.
public enum CampaignStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Imported, never run, or stopped cleanly with work left.
    case ready
    /// A runner holds the lease and is dialing.
    case running
    /// Stopped on purpose or by the API (for example, insufficient balance); `pause_reason` says why.
    case paused
    /// Every contact reached a final state.
    case completed
    /// Stopped for good by the user; remaining contacts are `cancelled`.
    case cancelled
}
