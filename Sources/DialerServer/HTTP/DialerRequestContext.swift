public import Hummingbird

/// The request context of the dialer's server: Hummingbird's core storage plus how the request was
/// authenticated.
public struct DialerRequestContext: RequestContext {
    /// Hummingbird's storage (parameters, logger, endpoint).
    public var coreContext: CoreRequestContextStorage
    /// How the request proved it may use the server.
    public var access: RequestAccess = .anonymous

    /// Creates a context for a request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Uploads larger than this are refused (CSV uploads stream to disk under their own limit).
    public var maxUploadSize: Int { 1 << 20 }
}

/// How a request proved it may use the server.
public enum RequestAccess: Sendable, Hashable {
    /// Not at all (only `/healthz` and the login page).
    case anonymous
    /// `Authorization: Bearer TOKEN`, as API clients and Prometheus send it.
    case bearer
    /// The browser's session cookie, whose value is kept to derive the CSRF token.
    case session(String)

    /// Whether the request comes from a logged-in browser or a token holder.
    public var isAuthenticated: Bool { self != .anonymous }
}
