import CampaignEngine
import CampaignService
import CampaignStore
import Foundation
import Logging
import SQLiteStore
import ServiceLifecycle
import SimulatorHarness
import Testing
import VaaniAPI
import VaaniSimulator

/// Several campaigns in one service over a real SQLite file and the real simulator on loopback.
@Suite("Campaign service")
struct CampaignServiceTests {
    /// A store in a fresh temporary directory with campaigns `a` and `b`, `count` contacts each.
    static func store(_ count: Int) throws -> (CampaignDatabase, [Campaign], String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("campaign-service-\(UUID().uuidString)").path
        let database = try CampaignDatabase.open(at: directory + "/dialer.sqlite")
        var campaigns: [Campaign] = []
        for (index, name) in ["a", "b"].enumerated() {
            let campaign = try database.createCampaign(name: name, agentID: "demo-agent")
            _ = try database.insertContacts(
                (0..<count).map {
                    NewContact(rowNumber: $0 + 2, name: "P\($0)", phoneE164: "+91981\(index)\(String(format: "%06d", $0))")
                },
                intoCampaign: campaign.id
            )
            campaigns.append(campaign)
        }
        return (database, campaigns, directory)
    }

    static func request(_ campaign: Campaign, client: VaaniClient, rate: Double = 0) -> CampaignRunRequest {
        CampaignRunRequest(
            campaign: campaign,
            configuration: EngineConfiguration(
                concurrency: 4, rate: rate, requestTimeout: .seconds(2), pollInterval: .milliseconds(100)),
            calls: VaaniCallService(client: client)
        )
    }

    /// A simulator where every call is answered.
    static func answering(seed: UInt64, speed: Double = 2000, rateLimit: Double = 0, burst: Int = 0)
        -> SimulatorConfiguration
    {
        SimulatorConfiguration(
            seed: seed, speed: speed, rateLimit: rateLimit, burst: burst, answerRate: 1, noAnswerRate: 0,
            busyRate: 0, failRate: 0, voicemailRate: 0, hangDuration: .seconds(2))
    }

    /// Runs `body` while `service` runs in a service group, then shuts the group down gracefully and
    /// waits for it.
    static func inGroup(
        _ service: CampaignService<ContinuousClock>,
        _ body: (ServiceGroup) async throws -> Void
    ) async throws {
        let group = ServiceGroup(services: [service], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                try await body(group)
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test("two campaigns run side by side in one service, each under its own lease, and both complete")
    func twoCampaignsComplete() async throws {
        let (database, campaigns, directory) = try Self.store(20)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = Self.answering(seed: 3)
        try await withSimulator(configuration) { simulator in
            let client = VaaniConfiguration(apiKey: simulator.apiKey, baseURL: simulator.baseURL, timeout: .seconds(2))
            try await VaaniClient.withClient(client) { client in
                let service = CampaignService(store: database, clock: ContinuousClock())
                try await Self.inGroup(service) { _ in
                    async let first = service.runCampaign(Self.request(campaigns[0], client: client))
                    async let second = service.runCampaign(Self.request(campaigns[1], client: client))
                    let outcomes = try await [first, second]
                    #expect(outcomes == [.completed, .completed])
                }
            }
            let ledger = try await simulator.ledger()
            #expect(ledger.count == 40)
            #expect(Set(ledger.map(\.contactNumber)).count == 40)
        }
        for campaign in campaigns {
            let stored = try #require(try database.campaign(id: campaign.id))
            #expect(stored.status == .completed)
            #expect(stored.lease == nil)
            #expect(try database.contactCounts(ofCampaign: campaign.id) == [.completed: 20])
        }
    }

    @Test("graceful shutdown stops every campaign: calls in flight are saved, nobody is lost, both resume")
    func shutdownStopsEveryone() async throws {
        let (database, campaigns, directory) = try Self.store(400)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = Self.answering(seed: 5)
        try await withSimulator(configuration) { simulator in
            let client = VaaniConfiguration(apiKey: simulator.apiKey, baseURL: simulator.baseURL, timeout: .seconds(2))
            try await VaaniClient.withClient(client) { client in
                let service = CampaignService(store: database, clock: ContinuousClock())
                try await Self.inGroup(service) { group in
                    // A slow pace keeps both campaigns busy when the shutdown comes.
                    async let first = service.runCampaign(Self.request(campaigns[0], client: client, rate: 20))
                    async let second = service.runCampaign(Self.request(campaigns[1], client: client, rate: 20))
                    try await Task.sleep(for: .milliseconds(800))
                    #expect(await service.runningCount == 2)
                    await group.triggerGracefulShutdown()
                    let outcomes = try await [first, second]
                    #expect(outcomes == [.interrupted, .interrupted])
                }
                #expect(await service.runningCount == 0)
                // A service that is shutting down starts nothing new.
                #expect(try await service.runCampaign(Self.request(campaigns[0], client: client)) == .interrupted)
                // Each campaign continues in a new service and everyone is called exactly once.
                let next = CampaignService(store: database, clock: ContinuousClock())
                for campaign in campaigns {
                    #expect(try await next.runCampaign(Self.request(campaign, client: client)) == .completed)
                }
            }
            let ledger = try await simulator.ledger()
            #expect(ledger.count == 800)
            #expect(Set(ledger.map(\.contactNumber)).count == 800)
        }
        for campaign in campaigns {
            let stored = try #require(try database.campaign(id: campaign.id))
            #expect(stored.lease == nil)
            #expect(try database.contactCounts(ofCampaign: campaign.id) == [.completed: 400])
        }
    }

    @Test("a campaign another runner holds is refused, naming the holder")
    func leaseHeld() async throws {
        let (database, campaigns, directory) = try Self.store(1)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let holder = LeaseOwner(id: "other-runner", pid: 1, host: "elsewhere")
        _ = try database.acquireLease(ofCampaign: campaigns[0].id, owner: holder, duration: 600)
        try await withSimulator(SimulatorConfiguration(seed: 1, speed: 2000)) { simulator in
            let client = VaaniConfiguration(apiKey: simulator.apiKey, baseURL: simulator.baseURL, timeout: .seconds(2))
            try await VaaniClient.withClient(client) { client in
                let service = CampaignService(store: database, clock: ContinuousClock())
                let error = await #expect(throws: CampaignServiceError.self) {
                    _ = try await service.runCampaign(Self.request(campaigns[0], client: client))
                }
                #expect(error?.holder?.ownerID == "other-runner")
                #expect(error?.description.contains("process 1 on elsewhere") == true)
            }
        }
        #expect(try database.campaign(id: campaigns[0].id)?.lease?.ownerID == "other-runner")
    }
}

extension CampaignServiceTests {
    @Test("two campaigns on one key share one history read per poll, and stop together")
    func oneKeyTwoCampaigns() async throws {
        let (database, campaigns, directory) = try Self.store(150)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The API allows the key 30 requests a second; each campaign alone would be allowed all of them.
        let configuration = Self.answering(seed: 9, speed: 20, rateLimit: 30, burst: 5)
        try await withSimulator(configuration) { simulator in
            let client = VaaniConfiguration(
                apiKey: simulator.apiKey, baseURL: simulator.baseURL, timeout: .seconds(2),
                retryPolicy: RetryPolicy(retriesWritesWhenRateLimited: false, retriesWritesWhenNotSent: false))
            let pollInterval = Duration.milliseconds(250)
            try await VaaniClient.withClient(client) { client in
                let service = CampaignService(store: database, clock: ContinuousClock())
                func request(_ campaign: Campaign) -> CampaignRunRequest {
                    CampaignRunRequest(
                        campaign: campaign,
                        configuration: EngineConfiguration(
                            concurrency: 16, rate: 28, requestTimeout: .seconds(2), pollInterval: pollInterval),
                        calls: VaaniCallService(client: client),
                        apiKeyFingerprint: "shared-key-fingerprint"
                    )
                }
                let started = ContinuousClock.now
                try await Self.inGroup(service) { group in
                    async let first = service.runCampaign(request(campaigns[0]))
                    async let second = service.runCampaign(request(campaigns[1]))
                    try await Task.sleep(for: .seconds(4))
                    await group.triggerGracefulShutdown()
                    #expect(try await [first, second] == [.interrupted, .interrupted])
                }
                let elapsed = started.duration(to: .now)
                let stats = try await simulator.stats()
                let triggers = stats.requests["POST /api/trigger-call/"]?.values.reduce(0, +) ?? 0
                let refused = stats.count("POST /api/trigger-call/", status: 429)
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                #expect(Double(triggers - refused) <= 30 * seconds + 5, "\(triggers) triggers in \(seconds) s")
                // At most one history read per poll interval for both campaigns together.
                let historyReads = stats.requests["GET /api/call-history"]?.values.reduce(0, +) ?? 0
                let polls = seconds / 0.25
                #expect(Double(historyReads) <= polls + 2, "\(historyReads) history reads in \(polls) poll intervals")
                // Both dialed (at this speed a call lasts seconds, so a loaded machine may end none yet).
                for campaign in campaigns {
                    let counts = try database.contactCounts(ofCampaign: campaign.id)
                    #expect((counts[.pending] ?? 0) < 150, "\(campaign.name): \(counts)")
                    #expect(counts[.dialing] == nil && counts[.unknown] == nil)
                }
            }
        }
    }
}
