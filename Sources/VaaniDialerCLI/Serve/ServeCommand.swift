import APIAccess
import ArgumentParser
import CampaignEngine
import CampaignStore
import DialerServer
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import VaaniAPI

/// `vaani-dialer serve`: runs every campaign marked running, with a web dashboard, an HTTP API and
/// Prometheus metrics, until SIGTERM or Ctrl-C.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Dial every running campaign, with a live web dashboard, an HTTP API and Prometheus metrics.",
        discussion: """
            Runs every campaign whose state is running (`vaani-dialer start NAME`, or Start on the dashboard) and \
            picks up campaigns started later without a restart. SIGTERM or Ctrl-C stops starting calls, finishes \
            the requests in flight and saves everything; the next `serve` carries on. Every request but /healthz \
            needs the access token, created on first start in a file readable by you only (DB.token beside the \
            database, or --token-file) and printed once; the dashboard asks for it once. The run options below \
            apply to campaigns started from the dashboard or the API; --call-timeout, --poll-interval and \
            --wait-for-balance apply to every run. The API key comes from --api-key-file, VAANI_API_KEY or \
            VAANI_API_KEY_FILE, as for `run`.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Address and port to listen on.", valueName: "host:port"))
    var listen = ListenAddress(host: "127.0.0.1", port: 8080)

    @Option(help: ArgumentHelp("The access token file (default: the database's path plus .token).", valueName: "path"))
    var tokenFile: String?

    @OptionGroup var options: RunOptions

    func validate() throws {
        if options.untilIdle { throw ValidationError("--until-idle does not apply to serve, which runs until stopped.") }
        if options.campaignFile != nil {
            throw ValidationError("--campaign-file does not apply to serve; pass it to `vaani-dialer start NAME`.")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let apiKey = try options.access.api.apiKey(environment: environment)
        let baseURL = try options.access.api.baseURL(option: options.baseURL, environment: environment)
        let logger = options.access.makeLogger(label: "vaani.serve")
        let store: any DialerStore
        do {
            store = try database.open()
        } catch {
            guard let storeError = database.storeError(for: error) else { throw error }
            FileHandle.standardError.write(Data("error: \(storeError)\n".utf8))
            throw ExitCode.failure
        }
        let tokenPath = tokenFile ?? AccessToken.defaultPath(forDatabase: database.resolvedPath)
        let token: AccessToken
        do {
            let (loaded, created) = try AccessToken.loadOrCreate(at: tokenPath)
            token = loaded
            if created {
                print("Access token (shown this once; kept in \(tokenPath), readable by you only):\n  \(loaded.value)")
            } else {
                print("Access token: in \(tokenPath)")
            }
            fflush(nil)
        } catch {
            throw ValidationError("\(error)")
        }
        let overrides = try options.overrides()
        let configuration = DialerServerConfiguration(
            host: listen.host, port: listen.port, token: token,
            startDefaults: overrides,
            runSettings: SettingsOverrides(
                callTimeout: overrides.callTimeout, pollInterval: overrides.pollInterval,
                waitForBalance: overrides.waitForBalance))
        if !configuration.isLoopback {
            FileHandle.standardError.write(
                Data(
                    ("warning: listening on \(listen.host):\(listen.port), reachable from other machines over plain HTTP. "
                        + "The token and every contact's number cross the network unencrypted unless a TLS-terminating "
                        + "proxy stands in front; bind to 127.0.0.1 otherwise.\n").utf8))
        }
        var clientConfiguration = VaaniConfiguration(
            apiKey: apiKey, baseURL: baseURL, timeout: overrides.requestTimeout ?? .seconds(30),
            retryPolicy: RetryPolicy(retriesWritesWhenRateLimited: false, retriesWritesWhenNotSent: false),
            maxConnections: 64)
        clientConfiguration.connectTimeout = min(clientConfiguration.connectTimeout, clientConfiguration.timeout)
        let listen = listen
        try await VaaniClient.withClient(clientConfiguration, logger: logger) { client in
            let server = DialerServer(
                store: store,
                calls: LoggingCallService(base: VaaniCallService(client: client), logger: logger),
                apiKeyFingerprint: APIKeyFingerprint.of(apiKey),
                configuration: configuration,
                logger: logger,
                onListening: { port in
                    print("Dashboard: \(listen.url(port: port))  (Ctrl-C stops: in-flight calls finish, nothing is lost)")
                    fflush(nil)
                }
            )
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [server], gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [.sigquit],
                    logger: logger))
            try await group.run()
        }
        print("Stopped: in-flight requests finished and everything is saved. `vaani-dialer serve` carries on.")
    }
}
