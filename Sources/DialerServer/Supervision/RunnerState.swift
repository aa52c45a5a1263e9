public import CampaignStore
public import Foundation

/// What this server's runner of one campaign is doing, beside the stored state.
public enum RunnerState: Sendable, Hashable {
    /// No runner here.
    case idle
    /// A runner is starting (taking the lease, reconciling).
    case starting
    /// A runner is dialing; progress arrives through ``CampaignBoard``.
    case running(since: Date)
    /// Another process holds the campaign's lease; this server tries again at the given time.
    case heldElsewhere(CampaignLease, retryAt: Date)
    /// The last run failed; this server tries again at the given time (`nil`: it will not).
    case failed(message: String, retryAt: Date?)
}
