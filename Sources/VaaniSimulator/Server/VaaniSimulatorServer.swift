import Hummingbird
import NIOCore
import HummingbirdWebSocket
public import Logging
import OpenAPIHummingbird
import OpenAPIRuntime
public import ServiceLifecycle

/// The Vaani simulator: the whole API contract on real HTTP, backed by in-memory state.
///
/// Run it as a `Service` (it stops on graceful shutdown or cancellation):
///
/// ```swift
/// let server = VaaniSimulatorServer(configuration: .init(port: 0, speed: 60), logger: logger) { port in
///     print("listening on \(port)")
/// }
/// try await ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger).run()
/// ```
public struct VaaniSimulatorServer: Service {
    /// The configuration it runs with.
    public let configuration: SimulatorConfiguration
    let logger: Logger
    let clock: SimulationClock
    let onListening: @Sendable (_ port: Int) async -> Void

    /// Creates a simulator on the continuous clock.
    /// - Parameters:
    ///   - configuration: What to simulate and where to listen.
    ///   - logger: Where to log (at info and below).
    ///   - onListening: Called with the bound port once the server accepts connections.
    public init(
        configuration: SimulatorConfiguration,
        logger: Logger = Logger(label: "vaani.simulator"),
        onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) {
        self.init(configuration: configuration, clock: ContinuousClock(), logger: logger, onListening: onListening)
    }

    /// Creates a simulator whose calls and sessions progress on an injected clock.
    /// - Parameters:
    ///   - configuration: What to simulate and where to listen.
    ///   - clock: The clock all simulated time (call phases, sessions, latency, hangs) is read from.
    ///   - logger: Where to log (at info and below).
    ///   - onListening: Called with the bound port once the server accepts connections.
    public init<C: Clock>(
        configuration: SimulatorConfiguration,
        clock: C,
        logger: Logger = Logger(label: "vaani.simulator"),
        onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) where C.Duration == Duration {
        self.configuration = configuration
        self.logger = logger
        self.clock = SimulationClock(clock)
        self.onListening = onListening
    }

    /// Validates the configuration, binds and serves until graceful shutdown or cancellation.
    /// - Throws: ``SimulatorConfigurationError`` for a bad configuration, or the bind error.
    public func run() async throws {
        try configuration.validate()
        let core = SimulatorCore(configuration: configuration, clock: clock)
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.add(middleware: StatisticsMiddleware(core: core))
        let api = router.group().add(middleware: APIGatewayMiddleware(core: core))
        try SimulatorAPI(core: core).registerHandlers(
            on: api,
            // Compact JSON: the runtime pretty-prints by default, which only adds bytes and work per response.
            configuration: .init(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]),
            middlewares: [OpenAPIFailureMiddleware(), TriggerFaultMiddleware(core: core)]
        )
        ControlRoutes(core: core).register(on: router)
        SessionEventsRoute(core: core).register(on: router)

        let onListening = self.onListening
        let logger = self.logger
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: router,
                configuration: .init(http1: .init(additionalChannelHandlers: [ConnectionDropHandler()]))
            ),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("Vaani simulator listening", metadata: ["simulator.port": "\(port)"])
                await onListening(port)
            },
            logger: logger
        )
        try await app.run()
    }
}
