import CampaignStore
import Foundation
import Testing

@Suite("Store conformance: imports, contacts and the do-not-call list")
struct ContactImportConformanceTests {
    @Test("Batches insert in file order, skip duplicates, and store their counts", arguments: ConformingStore.all)
    func batches(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let campaign = try await store.createCampaign(
                name: "renewals", agentID: "agent-1", settings: CampaignSettings(), now: StoreFixtures.now)
            let importID = try await store.beginImport(
                intoCampaign: campaign.id, source: "/tmp/list.csv", now: StoreFixtures.now)
            var batch = StoreFixtures.contacts(3)
            batch.append(NewContact(rowNumber: 9, name: "Again", phoneE164: batch[0].phoneE164))
            let first = try await store.commitImportBatch(
                batch, intoCampaign: campaign.id, importID: importID, counts: ImportCounts(rows: 4))
            #expect(first == ContactInsertResult(inserted: 3, duplicates: 1, duplicateRowNumbers: [9]))
            let second = try await store.commitImportBatch(
                StoreFixtures.contacts(2, from: 2), intoCampaign: campaign.id, importID: importID,
                counts: ImportCounts(rows: 6, imported: 3, duplicates: 1))
            #expect(second == ContactInsertResult(inserted: 1, duplicates: 1, duplicateRowNumbers: [4]))
            let final = ImportCounts(rows: 6, imported: 4, rejected: 0, duplicates: 2, suppressed: 0)
            try await store.finishImport(importID, counts: final, now: StoreFixtures.now.addingTimeInterval(5))
            let imports = try await store.imports(ofCampaign: campaign.id)
            #expect(imports.count == 1)
            #expect(imports.first?.counts == final)
            #expect(imports.first?.source == "/tmp/list.csv")
            #expect(imports.first?.finishedAt == StoreFixtures.now.addingTimeInterval(5))

            let contacts = try await store.contacts(ofCampaign: campaign.id, afterID: 0, limit: 10)
            #expect(contacts.map(\.rowNumber) == [2, 3, 4, 5])
            #expect(contacts.allSatisfy { $0.status == .pending && $0.attempts == 0 && $0.campaignID == campaign.id })
            #expect(contacts[0].variables.dictionary == ["plan": "gold", "index": "0"])
            #expect(contacts[0].timeZone == "America/Los_Angeles")
            let page = try await store.contacts(ofCampaign: campaign.id, afterID: contacts[1].id, limit: 1)
            #expect(page.map(\.rowNumber) == [4])
            #expect(try await store.contact(phoneE164: contacts[3].phoneE164, inCampaign: campaign.id) == contacts[3])
            #expect(try await store.contact(phoneE164: "+10000000000", inCampaign: campaign.id) == nil)
            #expect(try await store.contactCount(ofCampaign: campaign.id) == 4)
            #expect(try await store.contactCounts(ofCampaign: campaign.id) == [.pending: 4])
            try await store.endImportBatches()
        }
    }

    @Test("The same number in two campaigns is two contacts", arguments: ConformingStore.all)
    func campaignsAreSeparate(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            let first = try await StoreFixtures.campaign(store, name: "one", contacts: 2)
            let second = try await StoreFixtures.campaign(store, name: "two", contacts: 2)
            #expect(try await store.contactCount(ofCampaign: first.id) == 2)
            #expect(try await store.contactCount(ofCampaign: second.id) == 2)
        }
    }

    @Test("The do-not-call list keeps each number's first entry", arguments: ConformingStore.all)
    func suppression(_ kind: ConformingStore) async throws {
        try await kind.with { (store: any DialerStore) async throws in
            let entries = [
                SuppressionEntry(phoneE164: "+14155550100", reason: "opt-out", source: "a.txt", addedAt: StoreFixtures.now),
                SuppressionEntry(phoneE164: "+14155550101", reason: "opt-out", source: "a.txt", addedAt: StoreFixtures.now),
            ]
            #expect(try await store.suppress(entries) == 2)
            #expect(try await store.suppress([
                SuppressionEntry(phoneE164: "+14155550100", reason: "again", source: "b.txt", addedAt: .now)
            ]) == 0)
            #expect(try await store.isSuppressed("+14155550100"))
            #expect(try await !store.isSuppressed("+14155550199"))
            #expect(try await store.suppressedNumbers() == ["+14155550100", "+14155550101"])
            #expect(try await store.suppressionEntry(for: "+14155550100") == entries[0])
            #expect(try await store.suppressionEntry(for: "+14155550199") == nil)
        }
    }

    @Test("A learned rate limit is remembered per key fingerprint and replaced", arguments: ConformingStore.all)
    func rateLimits(_ kind: ConformingStore) async throws {
        try await kind.with { store in
            #expect(try await store.learnedRateLimit(keyFingerprint: "abcdef0123456789") == nil)
            let first = LearnedRateLimit(keyFingerprint: "abcdef0123456789", requestsPerSecond: 19.5, learnedAt: StoreFixtures.now)
            try await store.saveLearnedRateLimit(first)
            let other = LearnedRateLimit(keyFingerprint: "fedcba9876543210", requestsPerSecond: 4, learnedAt: StoreFixtures.now)
            try await store.saveLearnedRateLimit(other)
            #expect(try await store.learnedRateLimit(keyFingerprint: "abcdef0123456789") == first)
            let replaced = LearnedRateLimit(
                keyFingerprint: "abcdef0123456789", requestsPerSecond: 12, learnedAt: StoreFixtures.now.addingTimeInterval(60))
            try await store.saveLearnedRateLimit(replaced)
            #expect(try await store.learnedRateLimit(keyFingerprint: "abcdef0123456789") == replaced)
            #expect(Set(try await store.learnedRateLimits()) == [replaced, other])
        }
    }
}
