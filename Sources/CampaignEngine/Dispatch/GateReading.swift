/// What the run loop's decisions need to know of the ``DispatchGate`` at one instant.
struct GateReading<Instant: InstantProtocol>: Sendable, Hashable where Instant.Duration == Duration {
    /// The first instant a request asking now could be sent at.
    var nextSlot: Instant
    /// The end of the pause every request waits out, when one is on.
    var pausedUntil: Instant?
    /// The pace in requests per second, `nil` when unlimited.
    var pace: Double?
}
