public import Foundation
import OpenAPIRuntime
import VaaniOpenAPI

/// WebRTC voice sessions: create, connect, status, disconnect, and their event stream
/// (``VaaniClient/sessions``).
public struct SessionsAPI: Sendable {
    let client: VaaniClient

    /// Creates a session for an agent.
    ///
    /// ```swift
    /// let session = try await client.sessions.create(agentID: agentID, metadata: ["order": "A-17"])
    /// for try await event in client.sessions.events(token: session.token) { print(event) }
    /// ```
    /// - Parameters:
    ///   - agentID: The agent's id.
    ///   - uiType: How the session's page is shown.
    ///   - metadata: Free-form data attached to the session.
    ///   - gracePeriodSeconds: How long a disconnected session waits for a reconnect (0–3600 s).
    ///   - sessionTTLSeconds: How long the session lives (60–86400 s; the server's default is 1800).
    ///   - initialMessage: The agent's first words.
    /// - Throws: ``VaaniError``.
    public func create(
        agentID: String,
        uiType: SessionUIType = .fullpage,
        metadata: JSONObject = [:],
        gracePeriodSeconds: Int? = nil,
        sessionTTLSeconds: Int? = nil,
        initialMessage: String? = nil
    ) async throws -> CreatedSession {
        try await client.perform(Operations.CreateSession.id) {
            let body = Components.Schemas.CreateSessionRequest(
                agentId: agentID,
                uiType: uiType == .widget ? .widget : .fullpage,
                metadata: .init(additionalProperties: try .init(metadata)),
                gracePeriod: gracePeriodSeconds,
                sessionTtl: sessionTTLSeconds,
                initialMessage: initialMessage
            )
            return CreatedSession(try await client.underlying.createSession(body: .json(body)).ok.body.json)
        }
    }

    /// Exchanges a session token for LiveKit credentials.
    /// - Parameter token: The session's token.
    /// - Throws: ``VaaniError`` (`sessionExpired` for an ended session).
    public func connect(token: String) async throws -> SessionConnection {
        try await client.perform(Operations.ConnectSession.id) {
            let output = try await client.underlying.connectSession(body: .json(.init(sessionToken: token)))
            return SessionConnection(try output.ok.body.json)
        }
    }

    /// The state of a session.
    /// - Parameter token: The session's token.
    /// - Throws: ``VaaniError`` (`sessionExpired` for an ended session, `notFound` for an unknown one).
    public func status(token: String) async throws -> SessionStatus {
        try await client.perform(Operations.GetSessionStatus.id) {
            SessionStatus(try await client.underlying.getSessionStatus(path: .init(sessionToken: token)).ok.body.json)
        }
    }

    /// Disconnects from a session.
    /// - Parameters:
    ///   - token: The session's token.
    ///   - explicitEnd: `true` ends the session; `false` starts its grace period, within which it can be
    ///     reconnected.
    /// - Returns: The session after the disconnect.
    /// - Throws: ``VaaniError``.
    @discardableResult
    public func disconnect(token: String, explicitEnd: Bool = false) async throws -> SessionStatus {
        try await client.perform(Operations.DisconnectSession.id) {
            let output = try await client.underlying.disconnectSession(
                body: .json(.init(sessionToken: token, explicitEnd: explicitEnd))
            )
            return SessionStatus(try output.ok.body.json)
        }
    }

    /// The URL of a session's event socket: `ws://` or `wss://` from the base URL, path
    /// `/api/webrtc/session/ws/{token}`.
    /// - Parameter token: The session's token.
    public func eventsURL(token: String) -> URL {
        let base = client.configuration.baseURL
        var components = URLComponents(url: base, resolvingAgainstBaseURL: false) ?? URLComponents()
        components.scheme = base.scheme?.lowercased() == "https" ? "wss" : "ws"
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        let encodedToken = token.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? token
        components.percentEncodedPath = path + "/api/webrtc/session/ws/" + encodedToken
        components.query = nil
        return components.url ?? base
    }

    /// The session's events as they happen: ``SessionEvent/agentReady``, ``SessionEvent/agentTimeout``,
    /// ``SessionEvent/sessionEnded(reason:)``, and any other kept raw. The socket opens when iteration
    /// starts and closes after `sessionEnded`.
    /// - Parameter token: The session's token.
    public func events(token: String) -> SessionEvents {
        SessionEvents(sessions: self, token: token)
    }
}
