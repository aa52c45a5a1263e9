/// The WebRTC sessions by token.
struct SessionBook: Sendable {
    private var sessions: [String: SimulatedSession] = [:]

    subscript(token: String) -> SimulatedSession? {
        get { sessions[token] }
        set { sessions[token] = newValue }
    }
}
