import VaaniOpenAPI

/// The answer to ``CallsAPI/trigger(_:idempotencyKey:)``.
public struct TriggerCallResult: Sendable, Hashable {
    /// LiveKit connection details of a WebRTC call.
    public struct WebRTCConnection: Sendable, Hashable {
        /// The LiveKit access token.
        public var token: String
        /// The LiveKit room.
        public var roomName: String?
        /// The LiveKit server URL.
        public var connectionURL: String?
    }

    /// The call's id, from `output.call_id` or, on servers that put it there, the top-level `call_id`.
    public var callID: String?
    /// Whether the server reports success (telephony).
    public var success: Bool?
    /// The server's message (telephony).
    public var message: String?
    /// The agent's name.
    public var agentName: String?
    /// Where live captions of the call can be followed.
    public var liveCaptionsURL: String?
    /// The connection details, for a WebRTC call.
    public var webRTC: WebRTCConnection?
    /// Every other field of the answer (and of its `output`, under `output`).
    public var extra: JSONObject

    init(_ generated: Components.Schemas.TriggerCallResponse) {
        let telephony = generated.value1
        let webRTCAnswer = generated.value2
        callID = telephony?.output?.callId ?? telephony?.callId
        success = telephony?.success
        message = telephony?.message
        agentName = telephony?.output?.agentName ?? webRTCAnswer?.agentName
        liveCaptionsURL = telephony?.output?.liveCaptionsUrl ?? webRTCAnswer?.liveCaptionsUrl
        webRTC = webRTCAnswer.map {
            WebRTCConnection(token: $0.token, roomName: $0.roomName, connectionURL: $0.connectionUrl)
        }
        var extra = telephony?.additionalProperties.jsonObject ?? [:]
        if let output = telephony?.output?.additionalProperties.jsonObject, !output.isEmpty {
            extra["output"] = .object(output)
        }
        for (key, value) in webRTCAnswer?.additionalProperties.jsonObject ?? [:] { extra[key] = value }
        // A WebRTC answer's named fields are extra to the telephony shape; keep only what neither names.
        for key in ["token", "room_name", "agent_name", "connection_url", "live_captions_url"] {
            extra[key] = nil
        }
        self.extra = extra
    }
}
