import APIAccess
import ArgumentParser
import CampaignEngine
import CampaignService
import CampaignStore
import DialerServer
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import VaaniAPI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `run` and `resume` do: resolve settings, take the campaign's lease, run the engine against the
/// API, and report how it ended with the words to continue.
struct CampaignRun {
    let name: String
    let database: DatabaseOptions
    let options: RunOptions
    /// `--metrics-listen`: Prometheus metrics of the run on their own port.
    var metrics: MetricsOptions? = nil

    func execute() async throws {
        do {
            try await dial()
        } catch let error where !(error is ExitCode) && !(error is ValidationError) {
            guard let storeError = database.storeError(for: error) else { throw error }
            FileHandle.standardError.write(Data("error: \(storeError)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Resolves the key, the base URL and the logger, runs, and reports; store failures are reported by
    /// ``execute()``.
    private func dial() async throws {
        let environment = ProcessInfo.processInfo.environment
        let apiKey = try options.access.api.apiKey(environment: environment)
        let baseURL = try options.access.api.baseURL(option: options.baseURL, environment: environment)
        let outcome = try await perform(
            apiKey: apiKey, baseURL: baseURL, logger: options.access.makeLogger(label: "vaani.dialer")
        )
        try await report(outcome)
    }

    /// Runs the campaign against the API at `baseURL` until it ends, pauses or idles, showing progress,
    /// and returns how it stopped. A refused key or a campaign that cannot run is thrown.
    /// - Parameters:
    ///   - apiKey: The Vaani API key.
    ///   - baseURL: The API's base URL.
    ///   - logger: Where the engine logs.
    func perform(apiKey: String, baseURL: URL, logger: Logger = Logger(label: "vaani.engine")) async throws -> RunOutcome {
        let store = try database.openExisting()
        guard let campaign = try await store.campaign(named: name) else {
            throw ValidationError("No campaign named \"\(name)\" in \(database.resolvedPath). Import contacts first.")
        }
        let configuration = try resolveSettings(campaign)
        try await store.updateSettings(
            configuration.storedSettings(keeping: campaign.settings), ofCampaign: campaign.id, now: Date())

        let printer = ProgressPrinter(campaign: name)
        defer { printer.finish() }
        var clientConfiguration = VaaniConfiguration(
            apiKey: apiKey,
            baseURL: baseURL,
            timeout: configuration.requestTimeout,
            retryPolicy: RetryPolicy(retriesWritesWhenRateLimited: false, retriesWritesWhenNotSent: false),
            maxConnections: max(16, configuration.concurrency + 8)
        )
        clientConfiguration.connectTimeout = min(clientConfiguration.connectTimeout, configuration.requestTimeout)
        let service = CampaignService(store: store, clock: ContinuousClock(), logger: logger) {
            FileHandle.standardError.write(
                Data("\nStopping: no new calls; waiting for in-flight requests (Ctrl-\\ to exit at once)…\n".utf8)
            )
        }
        var services: [any Service] = [service]
        let metrics = try metricsServer(store: store, logger: logger)
        if let server = metrics.server { services.insert(server, at: 0) }
        // SIGINT and SIGTERM stop gracefully; SIGQUIT (Ctrl-\) cancels at once, which the journal's
        // per-batch transactions make as safe as a kill. The metrics server, first in the group, stops last.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services, gracefulShutdownSignals: [.sigint, .sigterm], cancellationSignals: [.sigquit],
                logger: logger
            )
        )

        do {
            return try await VaaniClient.withClient(clientConfiguration, logger: logger) { client in
                var calls: any CallService = LoggingCallService(base: VaaniCallService(client: client), logger: logger)
                var journal: (any DispatchJournal)?
                if let recorder = metrics.recorder {
                    calls = MetricsCallService(base: calls, campaign: campaign.name, metrics: recorder)
                    journal = MetricsJournal(
                        base: store.journal(ofCampaign: campaign.id), campaign: campaign.name, metrics: recorder)
                }
                let recorder = metrics.recorder
                let request = CampaignRunRequest(
                    campaign: campaign,
                    configuration: configuration,
                    calls: calls,
                    apiKeyFingerprint: APIKeyFingerprint.of(apiKey),
                    untilIdle: options.untilIdle,
                    logger: logger,
                    onProgress: { progress in
                        printer.update(progress)
                        recorder?.recordLoad(
                            campaign: campaign.name, requestsInFlight: progress.requestsInFlight,
                            activeCalls: progress.activeCalls)
                    },
                    journal: journal
                )
                return try await withThrowingTaskGroup(of: RunOutcome?.self) { tasks in
                    tasks.addTask {
                        try await group.run()
                        return nil
                    }
                    let outcome: RunOutcome
                    do {
                        outcome = try await service.runCampaign(request)
                    } catch {
                        await group.triggerGracefulShutdown()
                        try? await tasks.waitForAll()
                        throw error
                    }
                    await group.triggerGracefulShutdown()
                    try await tasks.waitForAll()
                    return outcome
                }
            }
        } catch let error as CampaignServiceError {
            printer.finish()
            print(error.description)
            throw ExitCode(5)
        } catch let error as RunError {
            printer.finish()
            switch error {
            case .authentication:
                print("Stopped: \(error). Fix VAANI_API_KEY, then run: vaani-dialer resume \(name)")
                throw ExitCode(4)
            case .cannotRun:
                throw ValidationError("\(error)")
            }
        }
    }

    /// The metrics server of `--metrics-listen` and the metrics it shows, or neither.
    private func metricsServer(
        store: any DialerStore, logger: Logger
    ) throws -> (server: MetricsServer?, recorder: DialerMetrics?) {
        guard let metrics, let listen = metrics.metricsListen else { return (nil, nil) }
        let tokenPath = metrics.tokenFile ?? AccessToken.defaultPath(forDatabase: database.resolvedPath)
        let token: AccessToken
        do {
            let (loaded, created) = try AccessToken.loadOrCreate(at: tokenPath)
            token = loaded
            if created {
                FileHandle.standardError.write(
                    Data("Metrics token (shown this once; kept in \(tokenPath), readable by you only): \(loaded.value)\n".utf8))
            }
        } catch {
            throw ValidationError("\(error)")
        }
        let recorder = DialerMetrics()
        let server = MetricsServer(
            host: listen.host, port: listen.port, token: token, store: store, metrics: recorder, logger: logger,
            onListening: { port in
                FileHandle.standardError.write(Data("Metrics: \(listen.url(port: port))metrics\n".utf8))
            })
        return (server, recorder)
    }

    /// Stored settings, then the campaign file, then the command line.
    func resolveSettings(_ campaign: Campaign) throws -> EngineConfiguration {
        do {
            var configuration = try EngineConfiguration(stored: campaign.settings)
            let defaultFile = "campaigns/\(Campaign.fileStem(ofName: campaign.name)).json"
            if let path = options.campaignFile ?? (FileManager.default.fileExists(atPath: defaultFile) ? defaultFile : nil) {
                configuration = try configuration.applying(CampaignFile.load(path: path))
            }
            do {
                return try configuration.applying(options.overrides())
            } catch var error as CampaignSettingsError where error.file == nil {
                // A value from the command line: name the option as it was typed.
                let field = error.field.split(separator: ".").first.map(String.init) ?? error.field
                error.field = "--" + field.replacingOccurrences(of: "_", with: "-")
                throw error
            }
        } catch let error as CampaignSettingsError {
            throw ValidationError("\(error)")
        }
    }

    /// Prints how the run ended with the words to continue, and exits with the outcome's code.
    func report(_ outcome: RunOutcome) async throws {
        let store = try database.openExisting()
        guard let campaign = try await store.campaign(named: name) else { return }
        let counts = try await store.contactCounts(ofCampaign: campaign.id)
        let summary = counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
            .joined(separator: ", ")
        switch outcome {
        case .completed:
            print("Campaign \(name) completed: \(summary).")
        case .idle(let next):
            let when = next.map { $0 <= Date() ? "now" : "at " + ProgressPrinter.format($0) } ?? "later"
            print("Campaign \(name) is idle: \(summary). Next contact due \(when); run: vaani-dialer resume \(name)")
        case .paused(.insufficientBalance):
            print("Paused: insufficient balance. No contact was marked failed. Top up the wallet, then run: vaani-dialer resume \(name)")
            throw ExitCode(3)
        case .paused(.authentication):
            print("Stopped: the API key was refused. Fix VAANI_API_KEY, then run: vaani-dialer resume \(name)")
            throw ExitCode(4)
        case .paused(.user):
            print("Paused from another terminal: \(summary). To continue, run: vaani-dialer resume \(name)")
            throw ExitCode(6)
        case .cancelled:
            print("Campaign \(name) was cancelled: \(summary).")
            throw ExitCode(6)
        case .interrupted:
            print("Stopped: in-flight requests finished and everything is saved. To continue, run: vaani-dialer resume \(name)")
            throw ExitCode(130)
        }
    }
}
