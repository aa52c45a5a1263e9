/// Whether and why the run is stopping, what the API said when it refused the key, and when the stored
/// campaign state was last read for a `pause` or `cancel` from another process.
struct RunStop<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// How often the stored campaign state is read.
    let stateCheckInterval: Duration = .seconds(1)
    /// How the run ends, once it is stopping.
    private(set) var outcome: RunOutcome?
    /// Why it is stopping, for progress lines.
    private(set) var reason = ""
    /// The API's message when it refused the key.
    var authenticationFailure: String?
    /// When the stored campaign state was last read.
    private(set) var lastStateCheck: Instant

    /// Creates a run that is not stopping; its first state check is due a second from now.
    init(now: Instant) {
        lastStateCheck = now
    }

    /// Whether the run is stopping.
    var isStopping: Bool { outcome != nil }

    /// Starts stopping, unless the run already is.
    /// - Returns: Whether this call started it.
    mutating func begin(_ outcome: RunOutcome, reason: String) -> Bool {
        guard self.outcome == nil else { return false }
        self.outcome = outcome
        self.reason = reason
        return true
    }

    /// Whether the stored campaign state is due to be read; when it is, the next read counts from now.
    mutating func stateCheckDue(now: Instant) -> Bool {
        guard lastStateCheck.duration(to: now) >= stateCheckInterval else { return false }
        lastStateCheck = now
        return true
    }
}
