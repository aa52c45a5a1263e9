import VaaniOpenAPI

/// How a WebRTC session's page is shown.
public enum SessionUIType: String, Sendable, Hashable, CaseIterable {
    /// A full page.
    case fullpage
    /// A widget embedded in another page.
    case widget
}

/// A session's state, as the API names it; values the client does not know are kept as they are.
public struct SessionState: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The state as the API sends it, e.g. `agent_ready`.
    public var rawValue: String

    /// Wraps a state string.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Created, nobody connected yet.
    public static let created = SessionState(rawValue: "created")
    /// The agent joined and waits for the user.
    public static let agentReady = SessionState(rawValue: "agent_ready")
    /// The conversation is going on.
    public static let active = SessionState(rawValue: "active")
    /// The user disconnected; the grace period runs.
    public static let reconnecting = SessionState(rawValue: "reconnecting")
    /// The session is over.
    public static let ended = SessionState(rawValue: "ended")

    /// The raw state.
    public var description: String { rawValue }
}

/// The answer of ``SessionsAPI/create(agentID:uiType:metadata:gracePeriodSeconds:sessionTTLSeconds:initialMessage:)``.
public struct CreatedSession: Sendable, Hashable {
    /// The session's token, used by every other session operation.
    public var token: String
    /// The page that hosts the session.
    public var url: String?
    /// When the session expires, as the server wrote it.
    public var expiresAt: String?
    /// Every other field of the answer.
    public var extra: JSONObject

    init(_ generated: Components.Schemas.CreatedSession) {
        token = generated.sessionToken
        url = generated.sessionUrl
        expiresAt = generated.expiresAt
        extra = generated.additionalProperties.jsonObject
    }
}

/// LiveKit credentials for joining a session (``SessionsAPI/connect(token:)``).
public struct SessionConnection: Sendable, Hashable {
    /// The LiveKit server URL.
    public var liveKitURL: String?
    /// The LiveKit access token.
    public var liveKitToken: String?
    /// The LiveKit room.
    public var roomName: String?
    /// Every other field of the answer.
    public var extra: JSONObject

    init(_ generated: Components.Schemas.SessionConnection) {
        liveKitURL = generated.lkUrl
        liveKitToken = generated.lkToken
        roomName = generated.roomName
        extra = generated.additionalProperties.jsonObject
    }
}

/// A session as ``SessionsAPI/status(token:)`` and ``SessionsAPI/disconnect(token:explicitEnd:)`` describe it.
public struct SessionStatus: Sendable, Hashable {
    /// The session's state.
    public var state: SessionState?
    /// When the session expires, as the server wrote it.
    public var expiresAt: String?
    /// How the session's page is shown.
    public var uiType: String?
    /// The LiveKit room.
    public var roomName: String?
    /// The agent's id.
    public var agentID: String?
    /// The account's id.
    public var clientID: String?
    /// The metadata the session was created with.
    public var metadata: JSONObject?
    /// When the grace period after a disconnect ends, as the server wrote it.
    public var gracePeriodEndsAt: String?
    /// Every other field of the answer.
    public var extra: JSONObject

    init(_ generated: Components.Schemas.SessionStatus) {
        state = generated.status.map(SessionState.init(rawValue:))
        expiresAt = generated.expiresAt
        uiType = generated.uiType
        roomName = generated.roomName
        agentID = generated.agentId
        clientID = generated.clientId
        metadata = generated.metadata?.additionalProperties.jsonObject
        gracePeriodEndsAt = generated.gracePeriodEndsAt
        extra = generated.additionalProperties.jsonObject
    }
}
