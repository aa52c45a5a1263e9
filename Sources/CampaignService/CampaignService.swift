public import CampaignEngine
public import CampaignStore
import Foundation
public import Logging
public import ServiceLifecycle

/// Runs the campaigns of one store, any number at once, as a swift-service-lifecycle `Service`.
///
/// Each campaign runs under its own lease with its own owner id, so two runners in one process never
/// both hold a campaign. Campaigns on one API key (one ``CampaignRunRequest/apiKeyFingerprint``) read
/// the call history through one ``SharedHistoryCallService``: one history read per poll for all of them. On graceful shutdown (a `ServiceGroup` turns SIGINT and SIGTERM into one) every
/// runner stops starting calls, finishes the requests in flight and saves everything; ``run()`` returns
/// once they all have. Pause and cancel reach a running campaign through the store (compare-and-set
/// state changes the runner reads back).
///
/// ```swift
/// let service = CampaignService(store: store, clock: ContinuousClock())
/// let group = ServiceGroup(configuration: .init(services: [service], gracefulShutdownSignals: [.sigterm], logger: logger))
/// async let running: Void = group.run()
/// let outcome = try await service.runCampaign(request)
/// await group.triggerGracefulShutdown()
/// ```
public actor CampaignService<C: Clock>: Service where C.Duration == Duration {
    /// The store every campaign lives in.
    public nonisolated let store: any DialerStore
    /// The clock of every runner and lease.
    public nonisolated let clock: C
    private let logger: Logger
    private let onShutdown: @Sendable () -> Void
    private var controls: [UUID: RunControl] = [:]
    private var historyReaders: [String: SharedHistoryCallService<C>] = [:]
    private var isShuttingDown = false
    private var drainWaiters: [CheckedContinuation<Void, Never>] = []

    /// Creates a service.
    /// - Parameters:
    ///   - store: The store.
    ///   - clock: The clock of every runner and lease.
    ///   - logger: Where the service logs.
    ///   - onShutdown: Called once when graceful shutdown begins, before the runners are asked to stop.
    public init(
        store: any DialerStore,
        clock: C,
        logger: Logger = Logger(label: "vaani.service"),
        onShutdown: @escaping @Sendable () -> Void = {}
    ) {
        self.store = store
        self.clock = clock
        self.logger = logger
        self.onShutdown = onShutdown
    }

    /// Waits for graceful shutdown, then stops every runner and returns once each has saved its work.
    public func run() async throws {
        try? await gracefulShutdown()
        isShuttingDown = true
        onShutdown()
        for control in controls.values { control.requestStop() }
        if !controls.isEmpty {
            await withCheckedContinuation { drainWaiters.append($0) }
        }
    }

    /// The campaigns running now.
    public var runningCount: Int { controls.count }

    /// Runs `request`'s campaign under its lease until it completes, pauses, idles (``CampaignRunRequest/untilIdle``)
    /// or the service shuts down, and returns how it ended. The run happens in the caller's task.
    /// - Throws: ``CampaignServiceError`` when another runner holds the campaign; ``RunError``; store errors.
    public func runCampaign(_ request: CampaignRunRequest) async throws -> RunOutcome {
        if isShuttingDown { return .interrupted }
        let keeper = try await CampaignLeaseKeeper.acquire(
            store, campaign: request.campaign, owner: CampaignLeaseKeeper<C>.newOwner(), clock: clock)
        let id = UUID()
        let control = RunControl()
        controls[id] = control
        var calls = request.calls
        if let key = request.apiKeyFingerprint { calls = historyReader(of: key, for: request) }
        let runner = CampaignRunner(
            journal: request.journal ?? store.journal(ofCampaign: request.campaign.id),
            calls: calls,
            agentID: request.campaign.agentID,
            configuration: request.configuration,
            clock: clock,
            control: control,
            apiKeyFingerprint: request.apiKeyFingerprint,
            logger: request.logger,
            onProgress: request.onProgress
        )
        do {
            let outcome = try await Self.run(runner, renewing: keeper, untilIdle: request.untilIdle)
            await keeper.release()
            finished(id)
            return outcome
        } catch {
            await keeper.release()
            finished(id)
            throw error
        }
    }

    /// Runs `runner` while renewing the lease in a sibling task.
    private static func run(
        _ runner: CampaignRunner<C>,
        renewing keeper: CampaignLeaseKeeper<C>,
        untilIdle: Bool
    ) async throws -> RunOutcome {
        try await withThrowingTaskGroup(of: RunOutcome?.self) { group in
            group.addTask { try await runner.run(untilIdle: untilIdle) }
            group.addTask {
                try await keeper.keepRenewed()
                return nil
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let outcome = result { return outcome }
            }
            throw CancellationError()
        }
    }

    /// The history reader of the key with fingerprint `key`, made over the calls of the first campaign
    /// that runs on it (every campaign on one key talks to the same API).
    private func historyReader(of key: String, for request: CampaignRunRequest) -> SharedHistoryCallService<C> {
        if let reader = historyReaders[key] { return reader }
        let reader = SharedHistoryCallService(
            base: request.calls, maxAge: request.configuration.pollInterval / 2, clock: clock)
        historyReaders[key] = reader
        return reader
    }

    private func finished(_ id: UUID) {
        controls[id] = nil
        if controls.isEmpty {
            for waiter in drainWaiters { waiter.resume() }
            drainWaiters.removeAll()
        }
    }
}
