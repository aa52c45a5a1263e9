import CampaignService
import CampaignStore
@testable import DialerServer
import Foundation
import NIOHTTP1
import SQLiteStore
import SimulatorHarness
import Testing
import VaaniSimulator

/// `serve` end to end: the real server on a loopback port, dialing the real simulator, driven through
/// its HTTP API and watched through its event stream.
@Suite("Serve end to end", .serialized)
struct ServeEndToEndTests {
    static let simulator = SimulatorConfiguration(
        seed: 11, speed: 2000, answerRate: 0.7, noAnswerRate: 0.2, busyRate: 0.1, failRate: 0, voicemailRate: 0,
        hangDuration: .seconds(2))

    @Test("two campaigns on one key start from the API, count up live over SSE, pause, resume and complete")
    func twoCampaignsLive() async throws {
        let store = try TestStore(campaigns: ["alpha", "beta"], contacts: 60)
        defer { store.remove() }
        try await withSimulator(Self.simulator) { simulator in
            try await ServeHarness.run(store, simulator) { serve in
                for name in ["alpha", "beta"] {
                    let (status, body) = try await serve.request(.POST, "/api/v1/campaigns/\(name)/start", body: #"{"rate": 15, "concurrency": 4, "max_attempts": 1}"#)
                    #expect(status == 200, "\(body)")
                }
                // The counters rise while the page watches, without asking again.
                let views = try await serve.events("alpha") { views in
                    (views.last?.done ?? 0) >= 10 && views.contains { $0.phase == "dialing" }
                }
                let done = views.map(\.done)
                #expect(done == done.sorted())
                #expect((done.last ?? 0) > (done.first ?? 0))
                #expect(views.contains { $0.callsPerSecond > 0 || $0.requestsInFlight > 0 || $0.activeCalls > 0 })
                #expect(views.allSatisfy { $0.total == 60 })

                // Pause: the runner stops starting calls and says so.
                let (status, _) = try await serve.request(.POST, "/api/v1/campaigns/alpha/pause")
                #expect(status == 200)
                let paused = try await serve.waitFor("alpha") { $0.state == "paused" && $0.phase == "paused" }
                #expect(paused.requestsInFlight == 0)
                let placedAtPause = try await Self.placed(simulator, campaign: 0)
                try await Task.sleep(for: .seconds(1))
                #expect(try await Self.placed(simulator, campaign: 0) == placedAtPause)
                #expect(placedAtPause < 60)

                // Resume: it carries on to the end; the other campaign was never held up.
                #expect(try await serve.request(.POST, "/api/v1/campaigns/alpha/resume").status == 200)
                for name in ["alpha", "beta"] {
                    let final = try await serve.waitFor(name, timeout: .seconds(90)) { $0.state == "completed" }
                    #expect(final.done == 60)
                    #expect(final.phase == "completed")
                }
            }
            let ledger = try await simulator.ledger()
            #expect(ledger.count == 120)
            #expect(Set(ledger.map(\.contactNumber)).count == 120)
        }
        for campaign in store.campaigns {
            #expect(try store.database.campaign(id: campaign.id)?.lease == nil)
        }
    }

    @Test("SIGTERM's graceful shutdown keeps the campaign marked running, and the next serve finishes it")
    func restartCarriesOn() async throws {
        let store = try TestStore(campaigns: ["alpha"], contacts: 120)
        defer { store.remove() }
        try await withSimulator(Self.simulator) { simulator in
            try await ServeHarness.run(store, simulator) { serve in
                #expect(try await serve.request(.POST, "/api/v1/campaigns/alpha/start", body: #"{"rate": 20, "max_attempts": 1}"#).status == 200)
                try await serve.waitFor("alpha") { $0.done >= 15 }
            }
            let stopped = try #require(try store.database.campaign(named: "alpha"))
            #expect(stopped.status == .running)
            #expect(stopped.lease == nil)
            let placedBefore = try await simulator.ledger().count
            #expect(placedBefore < 120)
            let final = try await ServeHarness.run(store, simulator) { serve in
                try await serve.waitFor("alpha", timeout: .seconds(90)) { $0.state == "completed" }
            }
            #expect(final.done == 120)
            let ledger = try await simulator.ledger()
            #expect(ledger.count == 120)
            #expect(Set(ledger.map(\.contactNumber)).count == 120)
        }
    }

    @Test("a campaign started in the store while serve runs is picked up without a restart")
    func picksUpLaterStarts() async throws {
        let store = try TestStore(campaigns: ["alpha"], contacts: 10)
        defer { store.remove() }
        try await withSimulator(Self.simulator) { simulator in
            try await ServeHarness.run(store, simulator) { serve in
                try await Task.sleep(for: .milliseconds(500))
                #expect(try await simulator.ledger().isEmpty)
                // What `vaani-dialer start` does from another terminal.
                try await CampaignControl(store: store.database).start(campaign: "alpha", settings: CampaignSettings(maxAttempts: 1))
                let final = try await serve.waitFor("alpha") { $0.state == "completed" }
                #expect(final.done == 10)
            }
            #expect(try await simulator.ledger().count == 10)
        }
    }

    /// Calls placed for campaign number `index` (its contacts' numbers start `+9198{index}`).
    static func placed(_ simulator: RunningSimulator, campaign index: Int) async throws -> Int {
        try await simulator.ledger().filter { $0.contactNumber.hasPrefix("+9198\(index)") }.count
    }
}

