import ArgumentParser
import CampaignEngine
import CampaignStore
import DialerServer
import Foundation
import Logging
import ServiceLifecycle
import SimulatorHarness
import UnixSignals
import VaaniAPI
import VaaniSimulator

/// `vaani-dialer demo --serve`: the demo inside `serve` — the simulator, the demo list imported and
/// started at a pace a person can follow, and the dashboard's address and token printed, until Ctrl-C.
struct DemoServe {
    let contacts: String
    let databasePath: String
    let listen: ListenAddress

    /// The demo's settings for watching: four calls a second, so the list takes about a minute.
    static let startArguments = [
        "--rate", "4", "--concurrency", "8", "--max-attempts", "2", "--retry-delay", "no_answer=10s",
        "--retry-delay", "busy=10s", "--retry-delay", "failed=never", "--retry-delay", "voicemail=never",
        "--calling-hours", "none",
    ]

    func run() async throws {
        var logger = Logger(label: "vaani.serve")
        logger.logLevel = .warning
        try await withSimulator(DemoScenario.simulator(balance: DemoScenario.toppedUpBalance)) { simulator in
            print("Vaani simulator listening on \(simulator.baseURL.absoluteString)")
            try await ImportCommand.parse([
                contacts, "--campaign", DemoScenario.campaign, "--agent", SimulatorConfiguration.demoAgentID,
                "--region", "IN", "--db", databasePath,
            ]).run()
            try await StartCommand.parse([DemoScenario.campaign, "--db", databasePath] + Self.startArguments).run()
            let store = try DatabaseOptions.parse(["--db", databasePath]).openExisting()
            let tokenPath = AccessToken.defaultPath(forDatabase: databasePath)
            let token = try AccessToken.loadOrCreate(at: tokenPath).token
            let client = VaaniConfiguration(
                apiKey: simulator.apiKey, baseURL: simulator.baseURL, timeout: .seconds(10),
                retryPolicy: RetryPolicy(retriesWritesWhenRateLimited: false, retriesWritesWhenNotSent: false))
            try await VaaniClient.withClient(client) { client in
                let listen = listen
                let server = DialerServer(
                    store: store,
                    calls: VaaniCallService(client: client),
                    apiKeyFingerprint: APIKeyFingerprint.of(simulator.apiKey),
                    configuration: DialerServerConfiguration(
                        host: listen.host, port: listen.port, token: token,
                        runSettings: SettingsOverrides(pollInterval: .milliseconds(500))),
                    logger: logger,
                    onListening: { port in
                        print(
                            """

                            Dashboard: \(listen.url(port: port))
                            Log in with the access token (kept in \(tokenPath)):
                              \(token.value)
                            The demo campaign is dialing; Ctrl-C stops the demo.
                            """)
                        fflush(nil)
                    })
                let group = ServiceGroup(
                    configuration: ServiceGroupConfiguration(
                        services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
                try await group.run()
            }
        }
    }
}
