/// Why a run could not go on.
public enum RunError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The API refused the key (HTTP 401). The campaign is paused; nothing was lost.
    case authentication(String)
    /// The campaign cannot be run in its current state.
    case cannotRun(String)

    /// A sentence for the user.
    public var description: String {
        switch self {
        case .authentication(let message): "the Vaani API refused the API key: \(message)"
        case .cannotRun(let reason): "cannot run the campaign: \(reason)"
        }
    }
}
