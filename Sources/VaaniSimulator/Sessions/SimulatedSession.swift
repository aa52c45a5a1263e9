/// A WebRTC session. Like calls, its status is computed from a few timestamps when read.
struct SimulatedSession: Sendable {
    var token: String
    var roomName: String
    var agentIndex: Int32
    var uiType: String
    var metadataJSON: String
    var gracePeriodNanos: Int64
    var createdAtNanos: Int64
    var expiresAtNanos: Int64
    /// When the latest `connect` happened.
    var connectedAtNanos: Int64?
    /// When a non-final disconnect started the grace period.
    var graceEndsAtNanos: Int64?
    /// When the session was ended explicitly.
    var endedAtNanos: Int64?
    /// False when the session's metadata asked for `"simulate": "agent_timeout"`: the agent never
    /// joins and the event socket reports `agent_timeout` instead of `agent_ready`.
    var agentJoins = true

    /// Where a session is at a moment.
    enum State: Sendable, Equatable {
        case created
        case agentReady
        case active
        case reconnecting
        case ended(reason: String)

        var status: String {
            switch self {
            case .created: "created"
            case .agentReady: "agent_ready"
            case .active: "active"
            case .reconnecting: "reconnecting"
            case .ended: "ended"
            }
        }
    }

    /// The state at a moment; `agentJoinNanos` is how long the agent takes to join after a connect.
    func state(atNanos now: Int64, agentJoinNanos: Int64) -> State {
        if let ended = endedAtNanos, now >= ended { return .ended(reason: "explicit_end") }
        if now >= expiresAtNanos { return .ended(reason: "expired") }
        if let graceEnds = graceEndsAtNanos {
            return now >= graceEnds ? .ended(reason: "grace_period_elapsed") : .reconnecting
        }
        guard let connected = connectedAtNanos, agentJoins else { return .created }
        if now >= connected + 2 * agentJoinNanos { return .active }
        if now >= connected + agentJoinNanos { return .agentReady }
        return .created
    }

    /// When the agent is (or was) ready after the latest connect.
    func agentReadyAtNanos(agentJoinNanos: Int64) -> Int64? {
        agentJoins ? connectedAtNanos.map { $0 + agentJoinNanos } : nil
    }

    /// When a connect that the agent never answers times out: twenty join times (30 s nominal).
    func agentTimeoutAtNanos(agentJoinNanos: Int64) -> Int64? {
        agentJoins ? nil : connectedAtNanos.map { $0 + 20 * agentJoinNanos }
    }

    /// When the session ends if nothing else happens.
    var scheduledEndNanos: Int64 { min(endedAtNanos ?? .max, graceEndsAtNanos ?? .max, expiresAtNanos) }
}
