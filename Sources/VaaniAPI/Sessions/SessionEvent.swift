import Foundation

/// One event pushed on a session's event socket (``SessionsAPI/events(token:)``).
public enum SessionEvent: Sendable, Hashable {
    /// The agent joined the session and is ready.
    case agentReady
    /// The agent did not join in time.
    case agentTimeout
    /// The session ended; the socket closes after this event.
    case sessionEnded(reason: String?)
    /// An event this client does not know, as the raw text frame.
    case unknown(String)

    /// Decodes a text frame `{"event": "agent_ready" | "agent_timeout" | "session_ended", "reason"?: …}`;
    /// anything else is kept as ``unknown(_:)``.
    init(frame: String) {
        guard let object = try? JSONDecoder().decode(JSONObject.self, from: Data(frame.utf8)),
            let event = object["event"]?.stringValue
        else {
            self = .unknown(frame)
            return
        }
        switch event {
        case "agent_ready": self = .agentReady
        case "agent_timeout": self = .agentTimeout
        case "session_ended": self = .sessionEnded(reason: object["reason"]?.stringValue)
        default: self = .unknown(frame)
        }
    }
}
