public import CampaignStore
public import Foundation
public import Logging

/// Runs one campaign to its end (or until it must stop): reconciles what an earlier run left unfinished,
/// then dials every due contact through a bounded task group ("one in, one out"), paced, within each
/// contact's calling window and the channel limit, backing off on 429s and refused connections, and
/// follows every placed call to its end through the call history.
///
/// Every attempt is committed to the journal before its trigger request is sent, and its id goes out as
/// the idempotency key, so a crash at any instant never dials anyone twice. All timing goes through the
/// injected clock.
///
/// ```swift
/// let runner = CampaignRunner(
///     journal: journal, calls: VaaniCallService(client: client), agentID: "agent-1",
///     configuration: settings, clock: ContinuousClock()
/// )
/// let outcome = try await runner.run()
/// ```
public struct CampaignRunner<C: Clock>: Sendable where C.Duration == Duration {
    /// The campaign's contacts and attempts.
    public let journal: any DispatchJournal
    /// The Vaani API.
    public let calls: any CallService
    /// The agent that makes the calls.
    public let agentID: String
    /// How to dial.
    public let configuration: EngineConfiguration
    /// The clock for pacing, backoff and waits.
    public let clock: C
    /// Lets a signal handler stop the run.
    public let control: RunControl
    /// The wall-clock time at the clock's current instant when the run starts; `nil` reads `Date()`.
    public let wallClockOrigin: Date?
    /// Receives progress snapshots, at most a few per second.
    public let onProgress: @Sendable (RunProgress) -> Void
    /// Where the runner logs.
    public let logger: Logger
    /// Seed of the jitter generator; `nil` uses system randomness.
    public let jitterSeed: UInt64?
    /// The API key's fingerprint (``APIKeyFingerprint``), under which the rate limit the API reveals
    /// is remembered for the next run; `nil` learns nothing.
    public let apiKeyFingerprint: String?

    /// Creates a runner.
    /// - Parameters:
    ///   - journal: The campaign's state.
    ///   - calls: The API.
    ///   - agentID: The agent.
    ///   - configuration: How to dial.
    ///   - clock: The clock for every wait.
    ///   - control: Stop requests.
    ///   - wallClockOrigin: The wall-clock time when the run starts (default now).
    ///   - jitterSeed: A seed for reproducible jitter (default system randomness).
    ///   - apiKeyFingerprint: The key's fingerprint, to start at and update its learned rate limit.
    ///   - logger: Where to log.
    ///   - onProgress: Progress receiver.
    public init(
        journal: any DispatchJournal,
        calls: any CallService,
        agentID: String,
        configuration: EngineConfiguration,
        clock: C,
        control: RunControl = RunControl(),
        wallClockOrigin: Date? = nil,
        jitterSeed: UInt64? = nil,
        apiKeyFingerprint: String? = nil,
        logger: Logger = Logger(label: "vaani.engine"),
        onProgress: @escaping @Sendable (RunProgress) -> Void = { _ in }
    ) {
        self.journal = journal
        self.calls = calls
        self.agentID = agentID
        self.configuration = configuration
        self.clock = clock
        self.control = control
        self.wallClockOrigin = wallClockOrigin
        self.jitterSeed = jitterSeed
        self.apiKeyFingerprint = apiKeyFingerprint
        self.logger = logger
        self.onProgress = onProgress
    }

    /// Runs the campaign.
    /// - Parameter untilIdle: Return as soon as only future work remains, instead of sleeping until it.
    /// - Returns: How the run ended.
    /// - Throws: ``RunError`` when the API key is refused or the campaign cannot run; store errors.
    public func run(untilIdle: Bool = false) async throws -> RunOutcome {
        var lifecycle = CampaignLifecycle(state: try await journal.campaignState())
        switch lifecycle.start() {
        case .refuse(let reason):
            if lifecycle.state == .completed { return .completed }
            if lifecycle.state == .cancelled { return .cancelled }
            throw RunError.cannotRun(reason)
        default:
            break
        }
        try await journal.setCampaignState(.running)
        var dispatcher = Dispatcher(runner: self, untilIdle: untilIdle)
        let outcome: RunOutcome
        do {
            outcome = try await dispatcher.run()
        } catch {
            try? await journal.setCampaignState(.ready)
            throw error
        }
        lifecycle.runEnded(outcome)
        // A pause or cancel from another process is already stored: the run's own end is recorded
        // only over the running state it set, never over theirs.
        if try await !journal.compareAndSetCampaignState(expected: .running, new: lifecycle.state) {
            let stored = try await journal.campaignState()
            if case .paused = stored, lifecycle.state == .completed {
                // Paused from another terminal as the last contact ended: the campaign is complete.
                _ = try await journal.compareAndSetCampaignState(expected: stored, new: .completed)
            }
        }
        if let failure = dispatcher.authenticationFailure {
            throw RunError.authentication(failure)
        }
        return outcome
    }
}
