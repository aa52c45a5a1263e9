import Hummingbird
import HummingbirdWebSocket

/// `GET /api/webrtc/session/ws/{session_token}`: a WebSocket pushing the session's events as JSON
/// text frames — `agent_ready` once the agent has joined after a `connect` (or `agent_timeout` when
/// the session's metadata has `"simulate": "agent_timeout"` and the agent never joins), and `session_ended`
/// (with a `reason`: `explicit_end`, `expired`, `grace_period_elapsed`) before the socket closes.
///
/// The session token is the credential here (browsers cannot set headers on a WebSocket); an
/// `X-API-Key`, if sent, must still be valid. Unknown tokens get 404, ended sessions 410.
struct SessionEventsRoute {
    let core: SimulatorCore
    /// How often the feed looks at the session; events are computed from timestamps, not pushed.
    static let pollInterval = Duration.milliseconds(10)

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.ws("/api/webrtc/session/ws/:session_token") { request, context in
            if let key = request.headers[.apiKey], core.apiKeyIndex[key] == nil {
                throw SimulatorFailure.unauthorized("Invalid API key")
            }
            let token = try context.parameters.require("session_token")
            guard let (_, state) = core.sessionSnapshot(token) else {
                throw SimulatorFailure.notFound("Session \(token) not found")
            }
            if case .ended(let reason) = state { throw SimulatorFailure.gone("Session \(token) has ended (\(reason))") }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            guard let token = context.requestContext.parameters.get("session_token") else { return }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    // Drain what the client sends until it closes the socket.
                    for try await _ in inbound {}
                }
                group.addTask { try await feed(token: token, to: outbound) }
                try await group.next()
                group.cancelAll()
            }
        }
    }

    func feed(token: String, to outbound: WebSocketOutboundWriter) async throws {
        var announcedConnection: Int64?
        while !Task.isCancelled {
            guard let (session, state) = core.sessionSnapshot(token) else { return }
            if case .ended(let reason) = state {
                try await outbound.write(.text(event("session_ended", session, reason: reason)))
                return
            }
            if let connectedAt = session.connectedAtNanos, connectedAt != announcedConnection,
                let readyAt = session.agentReadyAtNanos(agentJoinNanos: core.agentJoinNanos), core.now >= readyAt,
                session.graceEndsAtNanos == nil
            {
                announcedConnection = connectedAt
                try await outbound.write(.text(event("agent_ready", session)))
            }
            if let connectedAt = session.connectedAtNanos, connectedAt != announcedConnection,
                let timeoutAt = session.agentTimeoutAtNanos(agentJoinNanos: core.agentJoinNanos), core.now >= timeoutAt
            {
                announcedConnection = connectedAt
                try await outbound.write(.text(event("agent_timeout", session, reason: "the agent did not join in time")))
            }
            try await core.clock.sleep(Self.pollInterval)
        }
    }

    func event(_ name: String, _ session: SimulatedSession, reason: String? = nil) -> String {
        var pairs: [(String, JSONText)] = [
            ("event", .string(name)), ("session_token", .string(session.token)), ("room_name", .string(session.roomName)),
            ("timestamp", .string(core.clock.timestamp(atNanos: core.now))),
        ]
        if let reason { pairs.append(("reason", .string(reason))) }
        return JSONText.object(pairs).text
    }
}
