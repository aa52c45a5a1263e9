import CampaignService
import CampaignStore
import Foundation
import SQLiteStore
import Testing

/// Start, resume, pause and cancel from outside a runner, as `vaani-dialer start|pause|cancel` and
/// `serve` do them, over a real SQLite store.
@Suite("Campaign control")
struct CampaignControlTests {
    @Test("start stores settings and marks running; pause, resume and cancel follow the lifecycle")
    func lifecycle() async throws {
        let (database, campaigns, directory) = try CampaignServiceTests.store(3)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let control = CampaignControl(store: database)
        var settings = CampaignSettings()
        settings.callsPerSecond = 4
        let started = try await control.start(campaign: "a", settings: settings)
        #expect(started.previous == .ready && started.current == .running && started.changed)
        #expect(try database.campaign(named: "a")?.settings.callsPerSecond == 4)
        #expect(try await control.start(campaign: "a").changed == false)
        #expect(try await control.pause(campaign: "a").current == .paused(.user))
        #expect(try await control.pause(campaign: "a").changed == false)
        #expect(try await control.resume(campaign: "a").current == .running)
        let cancelled = try await control.cancel(campaign: "a")
        #expect(cancelled.current == .cancelled)
        #expect(cancelled.cancelledContacts == 3)
        #expect(try await control.cancel(campaign: "a").changed == false)
        #expect(try database.contactCounts(ofCampaign: campaigns[0].id) == [.cancelled: 3])
        // The other campaign was never touched.
        #expect(try database.campaign(named: "b")?.status == .ready)
    }

    @Test("a cancelled campaign refuses start, resume and pause with stable codes; settings stay as they were")
    func refusals() async throws {
        let (database, _, directory) = try CampaignServiceTests.store(1)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let control = CampaignControl(store: database)
        try await control.cancel(campaign: "a")
        var settings = CampaignSettings()
        settings.concurrency = 99
        for action in ["start", "resume", "pause"] {
            let error = await #expect(throws: CampaignControlError.self) {
                switch action {
                case "start": try await control.start(campaign: "a", settings: settings)
                case "resume": try await control.resume(campaign: "a")
                default: try await control.pause(campaign: "a")
                }
            }
            #expect(error?.code == "invalid_state")
            #expect(error?.description.hasPrefix("Cannot \(action) a:") == true)
        }
        #expect(try database.campaign(named: "a")?.settings.concurrency == CampaignSettings().concurrency)
        let missing = await #expect(throws: CampaignControlError.self) { try await control.pause(campaign: "zz") }
        #expect(missing?.code == "campaign_not_found")
    }
}
