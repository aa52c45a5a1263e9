import OpenAPIRuntime
import VaaniOpenAPI
import Synchronization

extension SimulatorAPI {
    func createSession(_ input: Operations.CreateSession.Input) async throws -> Operations.CreateSession.Output {
        guard case .json(let request) = input.body else { throw SimulatorFailure.invalidField("body", "Expected JSON") }
        var problems: [SimulatorFailure.Problem] = []
        if let grace = request.gracePeriod, !(0...3_600).contains(grace) {
            problems.append(.init(loc: ["body", "grace_period"], msg: "must be between 0 and 3600, got \(grace)", type: "value_error"))
        }
        if let ttl = request.sessionTtl, !(60...86_400).contains(ttl) {
            problems.append(.init(loc: ["body", "session_ttl"], msg: "must be between 60 and 86400, got \(ttl)", type: "value_error"))
        }
        if !problems.isEmpty { throw SimulatorFailure.validation(problems) }
        let session = try core.createSession(
            agentID: request.agentId, uiType: request.uiType?.rawValue ?? "fullpage",
            metadataJSON: try Self.compactJSON(request.metadata), gracePeriodSeconds: request.gracePeriod ?? 0,
            ttlSeconds: request.sessionTtl ?? 1_800,
            agentJoins: (request.metadata?.additionalProperties.value["simulate"] ?? nil) as? String != "agent_timeout"
        )
        return .ok(.init(body: .json(.init(
            sessionToken: session.token,
            sessionUrl: "https://app.vaanivoice.ai/session/\(session.token)",
            expiresAt: core.clock.timestamp(atNanos: session.expiresAtNanos)
        ))))
    }

    func connectSession(_ input: Operations.ConnectSession.Input) async throws -> Operations.ConnectSession.Output {
        guard case .json(let request) = input.body else { throw SimulatorFailure.invalidField("body", "Expected JSON") }
        let session = try core.connectSession(request.sessionToken)
        return .ok(.init(body: .json(.init(
            lkUrl: "wss://livekit.vaani.local", lkToken: "lk_\(session.token)_\(session.connectedAtNanos ?? 0)",
            roomName: session.roomName
        ))))
    }

    func getSessionStatus(_ input: Operations.GetSessionStatus.Input) async throws -> Operations.GetSessionStatus.Output {
        let (session, state) = try core.liveSession(input.path.sessionToken)
        return .ok(.init(body: .json(try statusBody(session, state))))
    }

    func disconnectSession(_ input: Operations.DisconnectSession.Input) async throws -> Operations.DisconnectSession.Output {
        guard case .json(let request) = input.body else { throw SimulatorFailure.invalidField("body", "Expected JSON") }
        let (session, state) = try core.disconnectSession(request.sessionToken, explicitEnd: request.explicitEnd ?? false)
        return .ok(.init(body: .json(try statusBody(session, state))))
    }

    func statusBody(_ session: SessionSnapshot, _ state: SimulatedSession.State) throws -> Components.Schemas.SessionStatus {
        .init(
            status: state.status,
            expiresAt: core.clock.timestamp(atNanos: session.session.expiresAtNanos),
            uiType: session.session.uiType,
            roomName: session.session.roomName,
            agentId: session.agentID,
            clientId: "client_\(session.apiKeyIndex)",
            metadata: try Self.jsonObject(session.session.metadataJSON),
            gracePeriodEndsAt: session.session.graceEndsAtNanos.map { core.clock.timestamp(atNanos: $0) }
        )
    }
}

/// A session copied out of the lock, with its agent's identity.
struct SessionSnapshot: Sendable {
    var session: SimulatedSession
    var agentID: String
    var agentName: String
    var apiKeyIndex: Int

    var token: String { session.token }
    var roomName: String { session.roomName }
    var expiresAtNanos: Int64 { session.expiresAtNanos }
    var connectedAtNanos: Int64? { session.connectedAtNanos }
}

extension SimulatorCore {
    func createSession(
        agentID: String, uiType: String, metadataJSON: String, gracePeriodSeconds: Int, ttlSeconds: Int,
        agentJoins: Bool = true
    ) throws(SimulatorFailure) -> SessionSnapshot {
        let nowNanos = now
        let key = RequestCaller.apiKeyIndex
        let snapshot = state.withLock { state -> SessionSnapshot? in
            guard let agentIndex = state.agents.index(of: agentID) else { return nil }
            let token = "sess_" + CallID.hex(state.random.next(), width: 16) + CallID.hex(state.random.next(), width: 16)
            var session = SimulatedSession(
                token: token, roomName: "room-" + CallID.hex(state.random.next(), width: 12),
                agentIndex: Int32(agentIndex), uiType: uiType, metadataJSON: metadataJSON,
                gracePeriodNanos: wallNanos(ofNominalMs: Int64(gracePeriodSeconds) * 1_000),
                createdAtNanos: nowNanos, expiresAtNanos: nowNanos + wallNanos(ofNominalMs: Int64(ttlSeconds) * 1_000)
            )
            session.agentJoins = agentJoins
            state.sessions[token] = session
            let agent = state.agents[agentIndex]
            return SessionSnapshot(session: session, agentID: agent.id, agentName: agent.name, apiKeyIndex: key)
        }
        guard let snapshot else { throw .invalidField("agent_id", "Agent '\(agentID)' not found") }
        return snapshot
    }

    /// A session and its state; 404 when unknown, 410 when it has ended or expired.
    func liveSession(_ token: String) throws(SimulatorFailure) -> (SessionSnapshot, SimulatedSession.State) {
        try updateSession(token) { _, _ in }
    }

    func connectSession(_ token: String) throws(SimulatorFailure) -> SessionSnapshot {
        try updateSession(token) { session, nowNanos in
            session.connectedAtNanos = nowNanos
            session.graceEndsAtNanos = nil
        }.0
    }

    func disconnectSession(
        _ token: String, explicitEnd: Bool
    ) throws(SimulatorFailure) -> (SessionSnapshot, SimulatedSession.State) {
        try updateSession(token) { session, nowNanos in
            if explicitEnd || session.gracePeriodNanos == 0 {
                session.endedAtNanos = nowNanos
            } else {
                session.graceEndsAtNanos = nowNanos + session.gracePeriodNanos
            }
        }
    }

    /// Reads a session for the event socket without failing on ended sessions.
    func sessionSnapshot(_ token: String) -> (SimulatedSession, SimulatedSession.State)? {
        let nowNanos = now
        return state.withLock { state in
            state.sessions[token].map { ($0, $0.state(atNanos: nowNanos, agentJoinNanos: agentJoinNanos)) }
        }
    }

    private func updateSession(
        _ token: String, _ change: (inout SimulatedSession, Int64) -> Void
    ) throws(SimulatorFailure) -> (SessionSnapshot, SimulatedSession.State) {
        let nowNanos = now
        let key = RequestCaller.apiKeyIndex
        let result = state.withLock { state -> Result<(SessionSnapshot, SimulatedSession.State), SimulatorFailure> in
            guard var session = state.sessions[token] else { return .failure(.notFound("Session \(token) not found")) }
            if case .ended(let reason) = session.state(atNanos: nowNanos, agentJoinNanos: agentJoinNanos) {
                return .failure(.gone("Session \(token) has ended (\(reason))"))
            }
            change(&session, nowNanos)
            state.sessions[token] = session
            let agent = state.agents[Int(session.agentIndex)]
            return .success((
                SessionSnapshot(session: session, agentID: agent.id, agentName: agent.name, apiKeyIndex: key),
                session.state(atNanos: nowNanos, agentJoinNanos: agentJoinNanos)
            ))
        }
        return try result.get()
    }
}
