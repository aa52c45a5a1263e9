public import CampaignEngine
import CampaignService
public import CampaignStore
import Foundation
public import Hummingbird
public import Logging
public import ServiceLifecycle

/// `vaani-dialer serve`: every running campaign of one store dialed in this process, an HTTP API under
/// `/api/v1`, a live dashboard and Prometheus metrics, as one swift-service-lifecycle `Service`.
///
/// On graceful shutdown (SIGTERM) the runners stop starting calls, finish the requests in flight and
/// save everything; the campaigns stay marked running, so the next `serve` carries on. Then the HTTP
/// server stops.
///
/// ```swift
/// let server = DialerServer(
///     store: store, calls: VaaniCallService(client: client), apiKeyFingerprint: APIKeyFingerprint.of(key),
///     configuration: DialerServerConfiguration(token: token))
/// try await ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger).run()
/// ```
public struct DialerServer: Service {
    /// The store.
    public let store: any DialerStore
    /// The API every campaign dials through.
    public let calls: any CallService
    /// The API key's fingerprint, under which the learned rate limit is shared.
    public let apiKeyFingerprint: String?
    /// How to listen and run.
    public let configuration: DialerServerConfiguration
    /// The metrics `/metrics` shows.
    public let metrics: DialerMetrics
    /// The live state of the campaigns this server runs.
    public let board: CampaignBoard
    let logger: Logger
    let onListening: @Sendable (_ port: Int) async -> Void

    /// Creates a server.
    /// - Parameters:
    ///   - store: The store.
    ///   - calls: The API every campaign dials through.
    ///   - apiKeyFingerprint: The API key's fingerprint (``APIKeyFingerprint``).
    ///   - configuration: How to listen and run.
    ///   - metrics: The metrics (default new ones).
    ///   - logger: Where the server logs.
    ///   - onListening: Called with the bound port once the server accepts connections.
    public init(
        store: any DialerStore,
        calls: any CallService,
        apiKeyFingerprint: String?,
        configuration: DialerServerConfiguration,
        metrics: DialerMetrics = DialerMetrics(),
        logger: Logger = Logger(label: "vaani.serve"),
        onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) {
        self.store = store
        self.calls = calls
        self.apiKeyFingerprint = apiKeyFingerprint
        self.configuration = configuration
        self.metrics = metrics
        self.board = CampaignBoard()
        self.logger = logger
        self.onListening = onListening
    }

    /// Serves and dials until graceful shutdown.
    public func run() async throws {
        let board = board
        let service = CampaignService(store: store, clock: ContinuousClock(), logger: logger) {
            board.beginDraining()
        }
        let supervisor = CampaignSupervisor(
            store: store, service: service, calls: calls, apiKeyFingerprint: apiKeyFingerprint,
            runtimeSettings: configuration.runSettings, metrics: metrics, board: board,
            pollInterval: configuration.pollInterval, logger: logger)
        let application = DialerApplication.make(
            store: store, board: board, metrics: metrics, configuration: configuration, logger: logger,
            onListening: onListening)
        // Shut down in reverse: the runners drain first while the dashboard still shows them, then the
        // supervisor, then the HTTP server.
        let group = ServiceGroup(
            configuration: .init(services: [application, supervisor, service], logger: logger))
        try await group.run()
    }
}

extension DialerServer {
    /// The HTTP side alone (API, dashboard, metrics) over a store, without running any campaign: for
    /// tests, and for a read-only dashboard beside a `vaani-dialer run`.
    /// - Parameters:
    ///   - store: The store.
    ///   - configuration: How to listen.
    ///   - metrics: The metrics `/metrics` shows (default new ones).
    ///   - board: The live state shown beside the stored one (default an empty board).
    ///   - logger: Where it logs.
    public static func httpApplication(
        store: any DialerStore,
        configuration: DialerServerConfiguration,
        metrics: DialerMetrics = DialerMetrics(),
        board: CampaignBoard = CampaignBoard(),
        logger: Logger = Logger(label: "vaani.serve")
    ) -> some ApplicationProtocol {
        DialerApplication.make(
            store: store, board: board, metrics: metrics, configuration: configuration, logger: logger,
            onListening: { _ in })
    }
}
