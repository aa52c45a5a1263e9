public import Foundation

/// How a run ended.
public enum RunOutcome: Sendable, Hashable {
    /// Every contact is final.
    case completed
    /// Only future work remains (with `--until-idle`); the next is due at the given time.
    case idle(nextDue: Date?)
    /// The campaign is paused; `resume` continues it.
    case paused(CampaignLifecycle.PauseReason)
    /// A signal stopped the run; `resume` continues it.
    case interrupted
    /// The campaign was cancelled.
    case cancelled
}
