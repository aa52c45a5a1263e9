@testable import SQLiteStore
import CampaignEngine
import CampaignStore
import SimulatorHarness
import Foundation
import Testing
import VaaniAPI
import VaaniSimulator

/// The engine over the real client against the real simulator on loopback, one fault mode at a time;
/// the simulator's ledger proves who was called and how often.
@Suite("Engine against the simulator")
struct SimulatorRunTests {
    static func numbers(_ count: Int) -> [String] { (1...count).map { "+9198100\(String(format: "%05d", $0))" } }

    /// A simulator where every call is answered and ends within a fraction of a second.
    static func simulator(_ tweak: (inout SimulatorConfiguration) -> Void = { _ in }) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(
            seed: 11, speed: 2000, answerRate: 1, noAnswerRate: 0, busyRate: 0, failRate: 0, voicemailRate: 0,
            hangDuration: .seconds(2)
        )
        tweak(&configuration)
        return configuration
    }

    struct Campaign {
        let database: CampaignDatabase
        let journal: SQLiteDispatchJournal
        let numbers: [String]
    }

    static func campaign(_ count: Int, agent: String = "demo-agent") throws -> Campaign {
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "e2e", agentID: agent)
        let numbers = numbers(count)
        _ = try database.insertContacts(
            numbers.enumerated().map { NewContact(rowNumber: $0.offset + 2, name: "Person \($0.offset)", phoneE164: $0.element) },
            intoCampaign: campaign.id
        )
        return Campaign(database: database, journal: SQLiteDispatchJournal(database: database, campaignID: campaign.id), numbers: numbers)
    }

    static func run(
        _ campaign: Campaign,
        on simulator: RunningSimulator,
        apiKey: String? = nil,
        agent: String = "demo-agent",
        control: RunControl = RunControl(),
        _ tweak: (inout EngineConfiguration) -> Void = { _ in }
    ) async throws -> RunOutcome {
        var configuration = EngineConfiguration(
            concurrency: 8, rate: 0, requestTimeout: .milliseconds(700), pollInterval: .milliseconds(100)
        )
        tweak(&configuration)
        let client = VaaniConfiguration(
            apiKey: apiKey ?? simulator.apiKey,
            baseURL: simulator.baseURL,
            timeout: configuration.requestTimeout,
            retryPolicy: RetryPolicy(retriesWritesWhenRateLimited: false, retriesWritesWhenNotSent: false)
        )
        let settings = configuration
        return try await VaaniClient.withClient(client) { client in
            try await CampaignRunner(
                journal: campaign.journal, calls: VaaniCallService(client: client), agentID: agent,
                configuration: settings, clock: ContinuousClock(), control: control
            ).run()
        }
    }

    /// How many calls the ledger holds per number.
    static func callsPerNumber(_ simulator: RunningSimulator) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for entry in try await simulator.ledger() { counts[entry.contactNumber, default: 0] += 1 }
        return counts
    }

    @Test(
        "faults after placing, before placing, held and dropped answers: everyone called exactly once",
        arguments: ["ambiguous", "error", "hang", "drop"]
    )
    func faults(mode: String) async throws {
        let configuration = Self.simulator { configuration in
            switch mode {
            case "ambiguous": configuration.ambiguousRate = 0.3
            case "error": configuration.errorRate = 0.3
            case "hang": configuration.hangRate = 0.15
            default: configuration.dropRate = 0.3
            }
        }
        try await withSimulator(configuration) { simulator in
            let campaign = try Self.campaign(60)
            #expect(try await Self.run(campaign, on: simulator) == .completed)
            let calls = try await Self.callsPerNumber(simulator)
            #expect(calls.count == 60)
            #expect(calls.values.allSatisfy { $0 == 1 })
            #expect(try campaign.journal.statusCounts() == [.completed: 60])
        }
    }

    @Test("a rate limit below the pace: the run slows down, finishes, and calls nobody twice")
    func rateLimit() async throws {
        try await withSimulator(Self.simulator { $0.rateLimit = 40; $0.burst = 5 }) { simulator in
            let campaign = try Self.campaign(80)
            #expect(try await Self.run(campaign, on: simulator) { $0.rate = 100 } == .completed)
            let calls = try await Self.callsPerNumber(simulator)
            #expect(calls.count == 80 && calls.values.allSatisfy { $0 == 1 })
        }
    }

    @Test("an empty wallet pauses the campaign; after a top-up, resume finishes it without a second call")
    func wallet() async throws {
        try await withSimulator(Self.simulator { $0.balance = 0.2; $0.pricePerMinute = 1 }) { simulator in
            let campaign = try Self.campaign(30)
            let first = try await Self.run(campaign, on: simulator) { $0.concurrency = 2 }
            #expect(first == .paused(.insufficientBalance))
            let counts = try campaign.journal.statusCounts()
            #expect(counts[.failed] == nil)
            #expect(counts[.pending, default: 0] > 0)
            try await simulator.setBalance(1_000_000)
            #expect(try await Self.run(campaign, on: simulator) == .completed)
            let calls = try await Self.callsPerNumber(simulator)
            #expect(calls.count == 30 && calls.values.allSatisfy { $0 == 1 })
        }
    }

    @Test("a refused API key stops the run at once")
    func badKey() async throws {
        try await withSimulator(Self.simulator()) { simulator in
            let campaign = try Self.campaign(5)
            await #expect(throws: RunError.self) {
                _ = try await Self.run(campaign, on: simulator, apiKey: "vaani_00000000000000000000000000000000")
            }
            // Nothing was placed and nobody ended; a request that timed out under load stays `unknown`
            // for the next run to reconcile.
            let counts = try campaign.journal.statusCounts()
            #expect(counts[.pending, default: 0] + counts[.unknown, default: 0] == 5)
            #expect(try await simulator.ledger().isEmpty)
            await #expect(throws: RunError.self) {
                _ = try await Self.run(campaign, on: simulator, apiKey: "vaani_00000000000000000000000000000000")
            }
        }
    }

    @Test("DND numbers end as dnd and are suppressed; an unknown agent makes contacts invalid with the API's message")
    func rejections() async throws {
        let numbers = Self.numbers(4)
        try await withSimulator(Self.simulator { $0.dndNumbers = [numbers[1]] }) { simulator in
            let campaign = try Self.campaign(4)
            #expect(try await Self.run(campaign, on: simulator) == .completed)
            #expect(try campaign.database.contact(phoneE164: numbers[1], inCampaign: campaign.journal.campaignID)?.status == .dnd)
            #expect(try campaign.database.isSuppressed(numbers[1]))

            let other = try Self.campaign(2, agent: "no-such-agent")
            #expect(try await Self.run(other, on: simulator, agent: "no-such-agent") == .completed)
            let contact = try other.database.contact(phoneE164: other.numbers[0], inCampaign: other.journal.campaignID)
            #expect(contact?.status == .invalid)
            #expect(contact?.lastError?.isEmpty == false)
        }
    }
}
