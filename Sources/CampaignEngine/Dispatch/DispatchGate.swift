import Synchronization

/// The state every trigger task checks right before sending: a global pause after a 429 or a refused
/// connection, and a hold on new calls when the campaign is stopping. It is a `Mutex` because it is tiny,
/// synchronous and read on every send.
final class DispatchGate<Instant: InstantProtocol>: Sendable {
    private struct State {
        var pausedUntil: Instant?
        var holding = false
    }

    private let state = Mutex(State())

    /// Pauses every sender until `instant` (never shortens an existing pause).
    func pause(until instant: Instant) {
        state.withLock { state in
            if let current = state.pausedUntil, current >= instant { return }
            state.pausedUntil = instant
        }
    }

    /// The end of the current pause, if it is later than `now`.
    func pausedUntil(now: Instant) -> Instant? {
        state.withLock { state in
            guard let until = state.pausedUntil, until > now else { return nil }
            return until
        }
    }

    /// Stops every sender that has not sent yet from sending.
    func hold() {
        state.withLock { $0.holding = true }
    }

    /// Lets senders send again.
    func release() {
        state.withLock { $0.holding = false }
    }

    /// Whether new sends are held.
    var isHolding: Bool { state.withLock { $0.holding } }
}
