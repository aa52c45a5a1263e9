import AsyncHTTPClient
import Foundation
public import Logging
import NIOCore
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import VaaniOpenAPI

/// The typed, async client of the Vaani voice-AI API.
///
/// Create one with ``withClient(_:clock:logger:isolation:_:)``, which always shuts its connections down:
///
/// ```swift
/// let configuration = try VaaniConfiguration.fromEnvironment()
/// try await VaaniClient.withClient(configuration) { client in
///     let result = try await client.calls.trigger(
///         TriggerCallRequest(agentID: "support-bot", contactNumber: "+919876543210", name: "Asha")
///     )
///     print(result.callID ?? "no call id")
/// }
/// ```
///
/// The client is a value that can be shared across tasks; ``calls``, ``agents`` and ``sessions`` group
/// the API's operations. Every failure is a ``VaaniError``.
public struct VaaniClient: Sendable {
    /// The generated transport client, never exposed.
    let underlying: Client
    /// The configuration the client was made with.
    public let configuration: VaaniConfiguration
    /// The logger of retries and event sockets.
    let logger: Logger

    /// Outbound calls, call history, transcripts, details and audio.
    public var calls: CallsAPI { CallsAPI(client: self) }
    /// Creating, listing, reading, updating and deleting agents.
    public var agents: AgentsAPI { AgentsAPI(client: self) }
    /// WebRTC voice sessions and their event stream.
    public var sessions: SessionsAPI { SessionsAPI(client: self) }

    private init(underlying: Client, configuration: VaaniConfiguration, logger: Logger) {
        self.underlying = underlying
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs `body` with a client, then shuts the client's connections down, whether `body` returns or throws.
    ///
    /// - Parameters:
    ///   - configuration: API key, base URL, timeouts, retries and connection-pool size.
    ///   - clock: The clock retries sleep on; tests may pass a faster one.
    ///   - logger: Where retries are logged (at debug level). Nothing is logged by default.
    ///   - isolation: The caller's actor, inherited by `body`.
    ///   - body: The work to do with the client.
    /// - Returns: What `body` returns.
    public static func withClient<Value>(
        _ configuration: VaaniConfiguration,
        clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger = Logger(label: "VaaniAPI", factory: { _ in SwiftLogNoOpLogHandler() }),
        isolation: isolated (any Actor)? = #isolation,
        _ body: (VaaniClient) async throws -> Value
    ) async throws -> Value {
        var poolConfiguration = HTTPClient.Configuration.ConnectionPool()
        poolConfiguration.concurrentHTTP1ConnectionsPerHostSoftLimit = configuration.maxConnections
        // Fail at once when a connection cannot be established, so the caller learns "nothing was sent"
        // instead of waiting out the request timeout; the retry policy decides whether to try again.
        poolConfiguration.retryConnectionEstablishment = false
        let httpConfiguration = HTTPClient.Configuration(
            timeout: .init(
                connect: .nanoseconds(configuration.connectTimeout.nanoseconds),
                read: .nanoseconds(configuration.timeout.nanoseconds)
            ),
            connectionPool: poolConfiguration
        )
        return try await HTTPClient.withHTTPClient(configuration: httpConfiguration) { httpClient in
            let transport = AsyncHTTPClientTransport(
                configuration: .init(client: httpClient, timeout: .nanoseconds(configuration.timeout.nanoseconds))
            )
            let underlying = Client(
                serverURL: configuration.baseURL,
                transport: transport,
                middlewares: [
                    RetryMiddleware(policy: configuration.retryPolicy, clock: clock, logger: logger),
                    APIKeyMiddleware(apiKey: configuration.apiKey),
                    ErrorMappingMiddleware(
                        responseLimit: configuration.maxResponseBytes,
                        apiKey: configuration.apiKey,
                        redactedAPIKey: configuration.redactedAPIKey
                    ),
                ]
            )
            return try await body(VaaniClient(underlying: underlying, configuration: configuration, logger: logger))
        }
    }

    /// Checks that the API is up and the key is accepted.
    /// - Returns: The service's status, `healthy` when all is well.
    /// - Throws: ``VaaniError``.
    public func health() async throws -> HealthStatus {
        try await perform("health") {
            HealthStatus(try await underlying.health().ok.body.json)
        }
    }
}
