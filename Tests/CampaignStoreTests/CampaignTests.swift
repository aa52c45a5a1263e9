@testable import SQLiteStore
import CampaignStore
import Foundation
import GRDB
import Testing

@Suite("Campaigns")
struct CampaignTests {
    @Test("settings round-trip through JSON and missing keys take defaults")
    func settingsRoundTrip() throws {
        let database = try CampaignDatabase.inMemory()
        var settings = CampaignSettings(concurrency: 25, callsPerSecond: 12.5, maxAttempts: 5)
        settings.callingHours = .init(startMinute: 9 * 60, endMinute: 21 * 60)
        settings.callingDays = [.mon, .tue, .sat]
        settings.defaultTimeZone = "Asia/Kolkata"
        settings.outboundNumber = "+918000000000"
        settings.testMode = true
        let created = try database.createCampaign(name: "renewals", agentID: "agent-1", settings: settings)
        let fetched = try #require(try database.campaign(id: created.id))
        #expect(fetched.settings == settings)
        #expect(fetched.status == .ready)
        #expect(fetched.lease == nil)

        try database.writer.write { db in
            try db.execute(sql: #"UPDATE campaigns SET settings = '{"concurrency": 3}' WHERE id = ?"#, arguments: [created.id])
        }
        let partial = try #require(try database.campaign(id: created.id)).settings
        #expect(partial.concurrency == 3)
        #expect(partial.maxAttempts == CampaignSettings().maxAttempts)
        #expect(partial.retryDelays == CampaignSettings.RetryDelays())
    }

    @Test("names are unique, validated, and stored verbatim even when full of SQL")
    func names() throws {
        let database = try CampaignDatabase.inMemory()
        let hostile = #"Robert'); DROP TABLE campaigns;-- "quoted""#
        let campaign = try database.createCampaign(name: hostile, agentID: "a'; DELETE FROM contacts; --")
        #expect(try database.campaign(named: hostile)?.agentID == "a'; DELETE FROM contacts; --")
        #expect(throws: DatabaseError.self) { try database.createCampaign(name: hostile, agentID: "x") }
        #expect(try database.campaigns().map(\.id) == [campaign.id])

        for bad in ["", "a/b", "tab\there", " padded", String(repeating: "x", count: 201)] {
            let error = #expect(throws: CampaignStoreError.self) { try database.createCampaign(name: bad, agentID: "x") }
            #expect(error?.code == .invalidCampaignName)
        }
        #expect(Campaign.fileStem(ofName: hostile) == "Robert____DROP_TABLE_campaigns_--__quoted_")
        #expect(Campaign.fileStem(ofName: ".hidden") == "_hidden")
    }

    @Test("findOrCreate returns the existing campaign and refuses another agent")
    func findOrCreate() throws {
        let database = try CampaignDatabase.inMemory()
        let first = try database.findOrCreateCampaign(name: "c", agentID: "agent-1")
        let again = try database.findOrCreateCampaign(name: "c", agentID: "agent-1", settings: CampaignSettings(concurrency: 99))
        #expect(again == first)
        let error = #expect(throws: CampaignStoreError.self) { try database.findOrCreateCampaign(name: "c", agentID: "agent-2") }
        #expect(error?.code == .campaignAgentMismatch)
    }

    @Test("status changes keep a pause reason only while paused")
    func status() throws {
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "c", agentID: "a")
        try database.setStatus(.paused, pauseReason: "insufficient balance", ofCampaign: campaign.id)
        #expect(try database.campaign(id: campaign.id)?.pauseReason == "insufficient balance")
        try database.setStatus(.running, pauseReason: "ignored", ofCampaign: campaign.id)
        let running = try #require(try database.campaign(id: campaign.id))
        #expect(running.status == .running)
        #expect(running.pauseReason == nil)
        #expect(throws: CampaignStoreError.self) { try database.setStatus(.running, ofCampaign: 999) }
    }
}
