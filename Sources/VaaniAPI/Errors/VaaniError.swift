/// The one error every Vaani API call throws.
///
/// Switch on ``kind`` to decide what to do; ``statusCode``, ``message`` and ``retryAfter`` carry the
/// server's answer when there was one. For a call trigger, ``isOutcomeUnknown`` says whether the call may
/// have been placed even though the request failed (a timeout, a 5xx, or a connection dropped after the
/// request went out): reconcile before dialing again.
///
/// ```swift
/// do {
///     _ = try await client.calls.trigger(call)
/// } catch let error as VaaniError {
///     switch error.kind {
///     case .rateLimited: try await Task.sleep(for: error.retryAfter ?? .seconds(1))
///     case .insufficientBalance: pauseCampaign()
///     default: throw error
///     }
/// }
/// ```
///
/// The API key is never part of an error: not in ``message``, not in ``description``.
public struct VaaniError: Error, Sendable {
    /// What went wrong, as a value callers switch on. New kinds may be added; keep a `default:` case.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: String, Hashable, Sendable {
            case authentication, insufficientBalance, forbidden, notFound, sessionExpired, validation
            case rateLimited, server, timeout, connection, unexpected
        }

        private let code: Code

        private init(_ code: Code) { self.code = code }

        /// HTTP 401: the API key is invalid or missing. Stop the whole run.
        public static let authentication = Kind(.authentication)
        /// HTTP 402: the wallet balance is too low; nothing was placed.
        public static let insufficientBalance = Kind(.insufficientBalance)
        /// HTTP 403: not allowed for this key, e.g. the number is in the Do-Not-Disturb registry.
        public static let forbidden = Kind(.forbidden)
        /// HTTP 404: the call, agent or session does not exist.
        public static let notFound = Kind(.notFound)
        /// HTTP 410: the WebRTC session has ended or expired.
        public static let sessionExpired = Kind(.sessionExpired)
        /// HTTP 422 (or 400): the request failed validation.
        public static let validation = Kind(.validation)
        /// HTTP 429: too many requests; see ``VaaniError/retryAfter``.
        public static let rateLimited = Kind(.rateLimited)
        /// HTTP 5xx: the server failed. A trigger may or may not have placed the call.
        public static let server = Kind(.server)
        /// No answer within the configured timeout. A trigger may or may not have placed the call.
        public static let timeout = Kind(.timeout)
        /// The API could not be reached, or the connection dropped; see
        /// ``VaaniError/requestMayHaveBeenSent``.
        public static let connection = Kind(.connection)
        /// Anything else: an undocumented status, or a response that could not be decoded.
        public static let unexpected = Kind(.unexpected)

        /// The kind's name, e.g. `rateLimited`.
        public var description: String { code.rawValue }
    }

    /// What went wrong.
    public var kind: Kind
    /// The HTTP status code of the server's answer; `nil` when there was no answer (timeout, connection).
    public var statusCode: Int?
    /// A human-readable explanation: the server's `detail` or `message`, or what failed locally.
    public var message: String
    /// How long the server asked us to wait before trying again (the `Retry-After` header).
    public var retryAfter: Duration?
    /// The API operation that failed, e.g. `triggerCall` or `getCallHistory`.
    public var operation: String?
    /// Whether the request may have reached the server. `false` only when the connection was never
    /// established, so nothing was sent and retrying is safe.
    public var requestMayHaveBeenSent: Bool

    /// Creates an error.
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - statusCode: The HTTP status code, if the server answered.
    ///   - message: A human-readable explanation.
    ///   - retryAfter: The delay the server asked for.
    ///   - operation: The operation that failed.
    ///   - requestMayHaveBeenSent: Whether the request may have reached the server.
    public init(
        kind: Kind,
        statusCode: Int? = nil,
        message: String,
        retryAfter: Duration? = nil,
        operation: String? = nil,
        requestMayHaveBeenSent: Bool = true
    ) {
        self.kind = kind
        self.statusCode = statusCode
        self.message = message
        self.retryAfter = retryAfter
        self.operation = operation
        self.requestMayHaveBeenSent = requestMayHaveBeenSent
    }

    /// Whether the operation may have taken effect although it failed: a 5xx, a timeout, or a connection
    /// that dropped after the request went out. For a call trigger this means the call may have been
    /// placed; look it up in the call history before dialing again.
    public var isOutcomeUnknown: Bool {
        switch kind {
        case .server, .timeout: true
        case .connection: requestMayHaveBeenSent
        default: false
        }
    }
}

extension VaaniError: CustomStringConvertible {
    /// A one-line summary: operation, kind, status and message. Never contains the API key.
    public var description: String {
        var parts: [String] = []
        if let operation { parts.append(operation) }
        parts.append(kind.description)
        if let statusCode { parts.append("HTTP \(statusCode)") }
        var text = "Vaani API error (" + parts.joined(separator: ", ") + "): " + message
        if let retryAfter { text += " (retry after \(retryAfter))" }
        return text
    }
}
