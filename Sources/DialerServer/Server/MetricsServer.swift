import CampaignEngine
public import CampaignStore
import Hummingbird
public import Logging
public import ServiceLifecycle

/// `/metrics` (behind the access token) and `/healthz` on their own port, for `vaani-dialer run
/// --metrics-listen ADDR`: the same metrics as `serve` for a single run.
public struct MetricsServer: Service {
    /// The address to bind.
    public let host: String
    /// The port (0 picks a free one).
    public let port: Int
    /// The token Prometheus sends as `Authorization: Bearer TOKEN`.
    public let token: AccessToken
    /// The store, for the contact gauges.
    public let store: any DialerStore
    /// The metrics.
    public let metrics: DialerMetrics
    let logger: Logger
    let onListening: @Sendable (Int) async -> Void

    /// Creates a metrics server.
    /// - Parameters:
    ///   - host: The address to bind.
    ///   - port: The port (0 picks a free one).
    ///   - token: The access token.
    ///   - store: The store, for the contact gauges.
    ///   - metrics: The metrics.
    ///   - logger: Where it logs.
    ///   - onListening: Called with the bound port.
    public init(
        host: String, port: Int, token: AccessToken, store: any DialerStore, metrics: DialerMetrics,
        logger: Logger = Logger(label: "vaani.metrics"),
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.store = store
        self.metrics = metrics
        self.logger = logger
        self.onListening = onListening
    }

    /// Serves until graceful shutdown.
    public func run() async throws {
        let router = Router(context: DialerRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        HealthRoutes(desk: CampaignDesk(store: store, board: CampaignBoard(), defaults: .init())).registerPublic(on: router)
        let protected = router.group().add(
            middleware: AccessMiddleware(token: token, sessions: SessionCookie(token: token)))
        MetricsRoute(store: store, metrics: metrics).register(on: protected)
        let onListening = onListening
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "vaani-dialer"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await application.run()
    }
}
