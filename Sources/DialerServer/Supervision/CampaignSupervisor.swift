import CampaignEngine
import CampaignService
import CampaignStore
import Foundation
import Logging
import ServiceLifecycle

/// Runs every campaign whose stored state is `running`: it looks at the store about once a second, so
/// a campaign started later (from the API, the dashboard or `vaani-dialer start`) is picked up without a
/// restart, and runs each one in a child task through the ``CampaignService``.
///
/// When a run ends because the service shuts down, the campaign is marked `running` again, so that the
/// next `serve` carries on. A campaign another process holds is tried again every ten seconds; a run that
/// failed (the store or the API unreachable) is tried again with a growing back-off.
struct CampaignSupervisor<C: Clock>: Service where C.Duration == Duration {
    let store: any DialerStore
    let service: CampaignService<C>
    let calls: any CallService
    let apiKeyFingerprint: String?
    let runtimeSettings: SettingsOverrides
    let metrics: DialerMetrics
    let board: CampaignBoard
    let pollInterval: Duration
    let logger: Logger

    /// How long to wait before trying a campaign another process holds.
    static var heldRetry: TimeInterval { 10 }
    /// The longest back-off after failed runs.
    static var maximumBackoff: TimeInterval { 300 }

    func run() async throws {
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                if !board.isDraining {
                    do {
                        for campaign in try await dueCampaigns(now: Date()) {
                            board.update(campaign.id) { $0.runner = .starting }
                            group.addTask { await runCampaign(campaign) }
                        }
                    } catch {
                        logger.warning("cannot read the campaigns", metadata: ["error": "\(error)"])
                    }
                }
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
            }
        }
    }

    /// Campaigns marked running that have no runner here and are not waiting out a retry.
    func dueCampaigns(now: Date) async throws -> [Campaign] {
        let active = board.activeIDs
        return try await store.campaigns().filter { campaign in
            guard campaign.status == .running, !active.contains(campaign.id) else { return false }
            switch board.entry(campaign.id).runner {
            case .heldElsewhere(_, let retryAt): return retryAt <= now
            case .failed(_, let retryAt): return retryAt.map { $0 <= now } ?? true
            default: return true
            }
        }
    }

    /// Runs one campaign until it ends, and records how.
    func runCampaign(_ campaign: Campaign) async {
        let name = campaign.name
        let id = campaign.id
        var logger = logger
        logger[metadataKey: "campaign"] = "\(name)"
        let configuration: EngineConfiguration
        do {
            configuration = try EngineConfiguration(stored: campaign.settings).applying(runtimeSettings)
        } catch {
            logger.error("cannot run: invalid settings", metadata: ["error": "\(error)"])
            board.update(id) {
                $0.runner = .failed(message: "invalid settings: \(error)", retryAt: Date().addingTimeInterval(60))
            }
            return
        }
        let board = board
        let metrics = metrics
        let request = CampaignRunRequest(
            campaign: campaign,
            configuration: configuration,
            calls: MetricsCallService(base: calls, campaign: name, metrics: metrics),
            apiKeyFingerprint: apiKeyFingerprint,
            untilIdle: false,
            logger: logger,
            onProgress: { progress in
                board.record(progress, of: id)
                metrics.recordLoad(
                    campaign: name, requestsInFlight: progress.requestsInFlight, activeCalls: progress.activeCalls)
            },
            journal: MetricsJournal(base: store.journal(ofCampaign: id), campaign: name, metrics: metrics)
        )
        metrics.recordRunningCampaigns(board.activeIDs.count)
        logger.info("campaign starting")
        do {
            let outcome = try await service.runCampaign(request)
            logger.info("campaign stopped", metadata: ["outcome": "\(outcome)"])
            await finished(campaign, outcome: outcome)
        } catch let error as CampaignServiceError {
            let retryAt = Date().addingTimeInterval(Self.heldRetry)
            board.update(id) { entry in
                entry.runner = error.holder.map { .heldElsewhere($0, retryAt: retryAt) }
                    ?? .failed(message: error.description, retryAt: retryAt)
            }
        } catch let error as RunError {
            logger.error("campaign stopped", metadata: ["error": "\(error)"])
            board.update(id) { $0.runner = .failed(message: "\(error)", retryAt: nil) }
        } catch {
            let failures = board.update(id) { entry -> Int in
                entry.failures += 1
                return entry.failures
            }
            let delay = min(Self.maximumBackoff, 5 * pow(2, Double(min(failures - 1, 10))))
            logger.error(
                "campaign run failed; trying again", metadata: ["error": "\(error)", "retry.seconds": "\(Int(delay))"])
            board.update(id) {
                $0.runner = .failed(message: "\(error)", retryAt: Date().addingTimeInterval(delay))
            }
            // The runner stored `ready` as it failed; the campaign is still wanted.
            _ = try? await store.compareAndSetState(ofCampaign: id, expected: .ready, new: .running, now: Date())
        }
        metrics.recordLoad(campaign: name, requestsInFlight: 0, activeCalls: 0)
        metrics.recordRunningCampaigns(board.activeIDs.count)
    }

    /// Records a run's end; marks the campaign running again when it stopped for the shutdown, or when
    /// it was resumed while it was stopping.
    func finished(_ campaign: Campaign, outcome: RunOutcome) async {
        let restart = board.update(campaign.id) { entry -> Bool in
            entry.runner = .idle
            entry.failures = 0
            defer { entry.restartRequested = false }
            return entry.restartRequested
        }
        switch outcome {
        case .interrupted, .idle:
            // Stopped by the shutdown: the next `serve` carries on.
            _ = try? await store.compareAndSetState(
                ofCampaign: campaign.id, expected: .ready, new: .running, now: Date())
        case .paused, .cancelled, .completed:
            if restart {
                _ = try? await CampaignControl(store: store).resume(campaign: campaign.name)
            }
        }
    }
}
