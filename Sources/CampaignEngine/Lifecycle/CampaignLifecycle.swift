public import CampaignStore
/// The lifecycle of a campaign as a value: each `mutating` method applies one event and returns what
/// the runner must do. It performs no I/O.
///
/// ```swift
/// var campaign = CampaignLifecycle(state: .ready)
/// guard campaign.start() == .dispatch else { return }
/// if campaign.pause(.insufficientBalance) == .stopDialing { /* finish in-flight work, exit 3 */ }
/// ```
public struct CampaignLifecycle: Sendable, Hashable {
    /// Why a campaign is paused (the store's ``CampaignState/PauseReason``).
    public typealias PauseReason = CampaignState.PauseReason

    /// Where the campaign is (the store's ``CampaignState``).
    public typealias State = CampaignState

    /// What the runner must do after an event.
    public enum Action: Sendable, Hashable {
        /// Start (or keep) dialing.
        case dispatch
        /// Stop starting calls; follow the ones in flight, then exit.
        case stopDialing
        /// Mark every waiting contact `cancelled` and stop starting calls.
        case cancelWaitingContacts
        /// Every contact is final: record the completion.
        case finish
        /// Nothing to do.
        case none
        /// The event is not allowed in the current state; the text says why.
        case refuse(String)
    }

    /// The current state.
    public private(set) var state: State

    /// A lifecycle in a stored state.
    /// - Parameter state: The stored state.
    public init(state: State) {
        self.state = state
    }

    /// `run` or `resume` was asked for.
    public mutating func start() -> Action {
        switch state {
        case .ready, .paused, .running:
            state = .running
            return .dispatch
        case .completed:
            return .refuse("the campaign is already completed")
        case .cancelled:
            return .refuse("the campaign was cancelled")
        }
    }

    /// The campaign must pause for `reason`.
    /// - Parameter reason: Why.
    public mutating func pause(_ reason: PauseReason) -> Action {
        switch state {
        case .running:
            state = .paused(reason)
            return .stopDialing
        case .ready, .paused:
            state = .paused(reason)
            return .none
        case .completed, .cancelled:
            return .refuse("a \(state.description) campaign cannot be paused")
        }
    }

    /// The runner stops with work left: on a signal, or because only future work remains.
    public mutating func stop() -> Action {
        guard state == .running else { return .none }
        state = .ready
        return .stopDialing
    }

    /// Every contact reached a final status.
    public mutating func allContactsFinal() -> Action {
        switch state {
        case .ready, .running, .paused:
            state = .completed
            return .finish
        case .completed:
            return .none
        case .cancelled:
            return .none
        }
    }

    /// A run ended with `outcome`: the campaign takes the state the run leaves it in — completed, ready
    /// to resume, paused or cancelled — as the event of that name would (``allContactsFinal()``,
    /// ``stop()``, ``pause(_:)``, ``cancel()``); a state those events refuse to leave is kept.
    /// - Parameter outcome: How the run ended.
    public mutating func runEnded(_ outcome: RunOutcome) {
        switch (outcome, state) {
        case (.completed, .ready), (.completed, .running), (.completed, .paused):
            state = .completed
        case (.idle, .running), (.interrupted, .running):
            state = .ready
        case (.paused(let reason), .ready), (.paused(let reason), .running), (.paused(let reason), .paused):
            state = .paused(reason)
        case (.cancelled, .ready), (.cancelled, .running), (.cancelled, .paused):
            state = .cancelled
        case (.completed, _), (.idle, _), (.interrupted, _), (.paused, _), (.cancelled, _):
            break
        }
    }

    /// `vaani-dialer cancel` was asked for.
    public mutating func cancel() -> Action {
        switch state {
        case .ready, .running, .paused:
            state = .cancelled
            return .cancelWaitingContacts
        case .cancelled:
            return .none
        case .completed:
            return .refuse("the campaign is already completed")
        }
    }
}
