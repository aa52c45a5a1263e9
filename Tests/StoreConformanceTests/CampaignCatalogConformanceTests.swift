import CampaignStore
import Foundation
import Testing

@Suite("Store conformance: campaigns")
struct CampaignCatalogConformanceTests {
    @Test("A campaign is created ready, found by name and id, and listed oldest first", arguments: ConformingStore.all)
    func createAndFind(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let first = try await store.createCampaign(
                name: "renewals", agentID: "agent-1", settings: CampaignSettings(), now: StoreFixtures.now)
            let second = try await store.createCampaign(
                name: "winback", agentID: "agent-2", settings: CampaignSettings(),
                now: StoreFixtures.now.addingTimeInterval(1))
            #expect(first.status == .ready)
            #expect(first.pauseReason == nil)
            #expect(first.lease == nil)
            #expect(first.createdAt == StoreFixtures.now)
            #expect(try await store.campaign(named: "renewals") == first)
            #expect(try await store.campaign(id: second.id) == second)
            #expect(try await store.campaign(named: "missing") == nil)
            #expect(try await store.campaign(id: -1) == nil)
            #expect(try await store.campaigns().map(\.name) == ["renewals", "winback"])
        }
    }

    @Test("Names are validated, unique, and tied to their agent", arguments: ConformingStore.all)
    func names(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            await #expect(throws: CampaignStoreError.self) {
                _ = try await store.createCampaign(name: "a/b", agentID: "x", settings: CampaignSettings(), now: .now)
            }
            await #expect(throws: CampaignStoreError.self) {
                _ = try await store.createCampaign(name: "", agentID: "x", settings: CampaignSettings(), now: .now)
            }
            let created = try await store.findOrCreateCampaign(
                name: "renewals", agentID: "agent-1", settings: CampaignSettings(), now: StoreFixtures.now)
            let found = try await store.findOrCreateCampaign(
                name: "renewals", agentID: "agent-1", settings: CampaignSettings(), now: .now)
            #expect(found == created)
            let mismatch = await #expect(throws: CampaignStoreError.self) {
                _ = try await store.findOrCreateCampaign(
                    name: "renewals", agentID: "agent-2", settings: CampaignSettings(), now: .now)
            }
            #expect(mismatch?.code == .campaignAgentMismatch)
            let taken = await #expect(throws: (any Error).self) {
                _ = try await store.createCampaign(
                    name: "renewals", agentID: "agent-1", settings: CampaignSettings(), now: .now)
            }
            #expect(taken != nil)
        }
    }

    @Test("Settings round-trip; status and compare-and-set honour the pause reason", arguments: ConformingStore.all)
    func settingsAndState(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let campaign = try await StoreFixtures.campaign(store, contacts: 0)
            var settings = CampaignSettings()
            settings.callsPerSecond = 7.5
            settings.concurrency = 3
            settings.defaultTimeZone = "Asia/Kolkata"
            settings.testMode = true
            try await store.updateSettings(settings, ofCampaign: campaign.id, now: StoreFixtures.now)
            #expect(try await store.campaign(id: campaign.id)?.settings == settings)

            try await store.setStatus(
                .paused, pauseReason: "insufficient balance", ofCampaign: campaign.id, now: StoreFixtures.now)
            let paused = try #require(try await store.campaign(id: campaign.id))
            #expect(paused.status == .paused)
            #expect(paused.pauseReason == "insufficient balance")
            // Compare-and-set compares the reason too.
            #expect(try await !store.compareAndSetState(
                ofCampaign: campaign.id, expected: .paused(.user), new: .running, now: .now))
            #expect(try await store.compareAndSetState(
                ofCampaign: campaign.id, expected: .paused(.insufficientBalance), new: .running, now: .now))
            #expect(try await !store.compareAndSetState(
                ofCampaign: campaign.id, expected: .ready, new: .completed, now: .now))
            let running = try #require(try await store.campaign(id: campaign.id))
            #expect(running.status == .running)
            #expect(running.pauseReason == nil)
            // A status other than paused keeps no reason.
            try await store.setStatus(.ready, pauseReason: "ignored", ofCampaign: campaign.id, now: .now)
            #expect(try await store.campaign(id: campaign.id)?.pauseReason == nil)
            let missing = await #expect(throws: CampaignStoreError.self) {
                try await store.setStatus(.ready, pauseReason: nil, ofCampaign: campaign.id + 1000, now: .now)
            }
            #expect(missing?.code == .campaignNotFound)
        }
    }

    @Test("Leases: one runner at a time, renewal, expiry, take-over and release", arguments: ConformingStore.all)
    func leases(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let campaign = try await StoreFixtures.campaign(store, contacts: 0)
            let now = StoreFixtures.now
            let a = LeaseOwner(id: "runner-a", pid: 10, host: "h1")
            // Another runner in the same process is another owner.
            let b = LeaseOwner(id: "runner-b", pid: 10, host: "h1")
            let c = LeaseOwner(id: "runner-c", pid: 12, host: "h2")
            let d = LeaseOwner(id: "runner-d", pid: 13, host: "h3")
            func lease(_ owner: LeaseOwner, expiring seconds: TimeInterval) -> CampaignLease {
                CampaignLease(ownerID: owner.id, pid: owner.pid, host: owner.host, expiresAt: now + seconds)
            }
            let first = try await store.acquireLease(
                ofCampaign: campaign.id, owner: a, duration: 60, now: now, takeOver: { _ in false })
            #expect(first == .acquired(lease(a, expiring: 60)))
            #expect(try await store.campaign(id: campaign.id)?.lease == lease(a, expiring: 60))
            let other = try await store.acquireLease(
                ofCampaign: campaign.id, owner: b, duration: 60, now: now + 1, takeOver: { _ in false })
            #expect(other == .heldBy(lease(a, expiring: 60)))
            let renewed = try await store.acquireLease(
                ofCampaign: campaign.id, owner: a, duration: 60, now: now + 30, takeOver: { _ in false })
            #expect(renewed == .acquired(lease(a, expiring: 90)))
            let takenOver = try await store.acquireLease(
                ofCampaign: campaign.id, owner: c, duration: 60, now: now + 31,
                takeOver: { holder in holder.ownerID == "runner-a" && holder.pid == 10 && holder.host == "h1" })
            #expect(takenOver == .acquired(lease(c, expiring: 91)))
            // Only the holder releases it.
            try await store.releaseLease(ofCampaign: campaign.id, owner: a, now: now + 32)
            #expect(try await store.campaign(id: campaign.id)?.lease?.ownerID == "runner-c")
            let expired = try await store.acquireLease(
                ofCampaign: campaign.id, owner: d, duration: 60, now: now + 200, takeOver: { _ in false })
            #expect(expired == .acquired(lease(d, expiring: 260)))
            try await store.releaseLease(ofCampaign: campaign.id, owner: d, now: now + 201)
            #expect(try await store.campaign(id: campaign.id)?.lease == nil)
            await #expect(throws: CampaignStoreError.self) {
                _ = try await store.acquireLease(
                    ofCampaign: campaign.id + 1000, owner: a, duration: 1, now: now, takeOver: { _ in false })
            }
        }
    }

    @Test("Store errors pass through; other errors are not the store's", arguments: ConformingStore.all)
    func errors(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let error = CampaignStoreError.campaignNotFound(id: 3)
            #expect(store.storeError(for: error) == error)
            #expect(store.storeError(for: CancellationError()) == nil)
            #expect(!store.location.isEmpty)
        }
    }
}
