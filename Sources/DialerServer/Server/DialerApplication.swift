import CampaignStore
import Hummingbird
import Logging

/// Builds the Hummingbird application: public routes (`/healthz`, the login form, the dashboard's
/// assets), then every other route behind the ``AccessMiddleware``.
enum DialerApplication {
    static func router(
        store: any DialerStore,
        board: CampaignBoard,
        metrics: DialerMetrics,
        configuration: DialerServerConfiguration
    ) -> Router<DialerRequestContext> {
        let sessions = SessionCookie(token: configuration.token)
        let desk = CampaignDesk(store: store, board: board, defaults: configuration.startDefaults)
        let router = Router(context: DialerRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        let health = HealthRoutes(desk: desk)
        health.registerPublic(on: router)
        LoginRoutes(token: configuration.token, sessions: sessions).registerPublic(on: router)

        let protected = router.group().add(middleware: AccessMiddleware(token: configuration.token, sessions: sessions))
        health.registerProtected(on: protected)
        MetricsRoute(store: store, metrics: metrics).register(on: protected)
        APIRoutes(desk: desk, events: CampaignEvents(desk: desk, interval: configuration.eventInterval))
            .register(on: protected)
        UploadRoutes(desk: desk, limit: configuration.maxUploadBytes).register(on: protected)
        DashboardRoutes(desk: desk, sessions: sessions).registerProtected(on: protected)
        return router
    }

    static func make(
        store: any DialerStore,
        board: CampaignBoard,
        metrics: DialerMetrics,
        configuration: DialerServerConfiguration,
        logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        Application(
            router: router(store: store, board: board, metrics: metrics, configuration: configuration),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "vaani-dialer"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("serving", metadata: ["serve.port": "\(port)"])
                await onListening(port)
            },
            logger: logger
        )
    }
}
