import APIAccess
import ArgumentParser
import CampaignEngine
import CampaignStore
import Foundation
import Logging
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

    func execute() async throws {
        do {
            try await dial()
        } catch let error where !(error is ExitCode) && !(error is ValidationError) {
            guard let storeError = CampaignStoreError.translating(error, path: database.resolvedPath) else { throw error }
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
        try report(outcome)
    }

    /// Runs the campaign against the API at `baseURL` until it ends, pauses or idles, showing progress,
    /// and returns how it stopped. A refused key or a campaign that cannot run is thrown.
    /// - Parameters:
    ///   - apiKey: The Vaani API key.
    ///   - baseURL: The API's base URL.
    ///   - logger: Where the engine logs.
    func perform(apiKey: String, baseURL: URL, logger: Logger = Logger(label: "vaani.engine")) async throws -> RunOutcome {
        let store = try database.openExisting()
        guard let campaign = try store.campaign(named: name) else {
            throw ValidationError("No campaign named \"\(name)\" in \(database.resolvedPath). Import contacts first.")
        }
        let configuration = try resolveSettings(campaign)
        try store.updateSettings(configuration.storedSettings(keeping: campaign.settings), ofCampaign: campaign.id)

        let lease = try RunLease.acquire(store, campaign: campaign)
        defer { lease.release() }

        let control = RunControl()
        let signals = SignalWatcher(control: control, campaign: name)
        defer { signals.cancel() }

        let printer = ProgressPrinter(campaign: name)
        defer { printer.finish() }
        let journal = CampaignJournal(database: store, campaignID: campaign.id)
        var clientConfiguration = VaaniConfiguration(
            apiKey: apiKey,
            baseURL: baseURL,
            timeout: configuration.requestTimeout,
            retryPolicy: RetryPolicy(retriesWritesWhenRateLimited: false, retriesWritesWhenNotSent: false),
            maxConnections: max(16, configuration.concurrency + 8)
        )
        clientConfiguration.connectTimeout = min(clientConfiguration.connectTimeout, configuration.requestTimeout)

        do {
            return try await VaaniClient.withClient(clientConfiguration, logger: logger) { client in
                let runner = CampaignRunner(
                    journal: journal,
                    calls: LoggingCallService(base: VaaniCallService(client: client), logger: logger),
                    agentID: campaign.agentID,
                    configuration: configuration,
                    clock: ContinuousClock(),
                    control: control,
                    apiKeyFingerprint: APIKeyFingerprint.of(apiKey),
                    logger: logger,
                    onProgress: { printer.update($0) }
                )
                return try await withThrowingTaskGroup(of: RunOutcome?.self) { group in
                    group.addTask { try await runner.run(untilIdle: options.untilIdle) }
                    group.addTask {
                        try await lease.keepRenewed()
                        return nil
                    }
                    defer { group.cancelAll() }
                    while let result = try await group.next() {
                        if let outcome = result { return outcome }
                    }
                    throw CancellationError()
                }
            }
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

    /// Stored settings, then the campaign file, then the command line.
    func resolveSettings(_ campaign: Campaign) throws -> EngineConfiguration {
        do {
            var configuration = try EngineConfiguration(stored: campaign.settings)
            let defaultFile = "campaigns/\(CampaignDatabase.campaignFileStem(campaign.name)).json"
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
    func report(_ outcome: RunOutcome) throws {
        let store = try database.openExisting()
        guard let campaign = try store.campaign(named: name) else { return }
        let counts = try store.contactCounts(ofCampaign: campaign.id)
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
