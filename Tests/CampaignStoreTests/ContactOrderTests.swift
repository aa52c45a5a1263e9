@testable import CampaignStore
@testable import SQLiteStore
import Foundation
import GRDB
import Testing

@Suite("Contacts written in number order")
struct ContactOrderTests {
    /// `count` distinct numbers of 8 to 15 digits after a `+`, in no particular order.
    static func numbers(_ count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix(state: seed)
        var seen = Set<String>()
        var numbers: [String] = []
        while numbers.count < count {
            let length = 8 + Int(generator.next() % 8)
            var digits = String(1 + generator.next() % 9)
            while digits.count < length { digits += String(generator.next() % 10) }
            if seen.insert(digits).inserted { numbers.append("+" + digits) }
        }
        return numbers
    }

    @Test("the packed key orders numbers as SQLite's binary collation orders their text, prefixes first")
    func packedOrder() {
        var numbers = Self.numbers(2_000, seed: 7)
        numbers += ["+1", "+12", "+123", "+999999999999999", "+100000000000000", "+10000000000000"]
        let byText = numbers.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let byKey = numbers.sorted { ContactOrder.packedNumber($0) < ContactOrder.packedNumber($1) }
        #expect(byKey == byText)
        #expect(ContactOrder.packedNumber("14155550100") == .max)
        #expect(ContactOrder.packedNumber("+1415555010x") == .max)
        #expect(ContactOrder.packedNumber("+1234567890123456") == .max)
    }

    @Test("a batch in random number order keeps ids in row order; the first row of a number keeps it")
    func idsFollowRows() throws {
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "c", agentID: "a")
        let earlier = try database.createCampaign(name: "earlier", agentID: "a")
        // Contacts of another campaign take the ids before this batch.
        _ = try database.insertContacts([NewContact(rowNumber: 2, name: "Other", phoneE164: "+14155550100")], intoCampaign: earlier.id)
        _ = try database.insertContacts([NewContact(rowNumber: 2, name: "Already", phoneE164: "+14155550177")], intoCampaign: campaign.id)

        let numbers = Self.numbers(500, seed: 42)
        var batch = numbers.enumerated().map { NewContact(rowNumber: $0.offset + 2, name: "P\($0.offset)", phoneE164: $0.element) }
        batch[10].phoneE164 = batch[300].phoneE164  // a later row repeats it: row 302 is the duplicate
        batch[200].phoneE164 = "+14155550177"       // already in the campaign
        batch[450].phoneE164 = batch[3].phoneE164   // an earlier row has it
        let result = try database.insertContacts(batch, intoCampaign: campaign.id)
        #expect(result.inserted == 497)
        #expect(result.duplicateRowNumbers == [202, 302, 452])

        let stored = try database.contacts(ofCampaign: campaign.id, limit: 1_000)
        #expect(stored.map(\.name).first == "Already")
        let imported = Array(stored.dropFirst())
        #expect(imported.map(\.rowNumber) == batch.map(\.rowNumber).filter { ![202, 302, 452].contains($0) })
        #expect(imported.map(\.name) == batch.map(\.name).filter { !["P200", "P300", "P450"].contains($0) })
        #expect(zip(imported, imported.dropFirst()).allSatisfy { $0.id < $1.id })
        #expect(try #require(imported.first).id > stored[0].id)
        #expect(try database.contact(phoneE164: batch[10].phoneE164, inCampaign: campaign.id)?.rowNumber == 12)

        // The same batch again adds nothing and names every row, in row order.
        let again = try database.insertContacts(batch, intoCampaign: campaign.id)
        #expect(again.inserted == 0)
        #expect(again.duplicateRowNumbers == batch.map(\.rowNumber))
        #expect(try database.contacts(ofCampaign: campaign.id, limit: 1_000) == stored)
    }

    @Test("ids continue after the highest id in use, so later batches dial after earlier ones")
    func idsAcrossBatches() throws {
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "c", agentID: "a")
        let numbers = Self.numbers(60, seed: 3)
        for start in stride(from: 0, to: 60, by: 20) {
            let batch = (start..<start + 20).map { NewContact(rowNumber: $0 + 2, name: "P\($0)", phoneE164: numbers[$0]) }
            #expect(try database.insertContacts(batch, intoCampaign: campaign.id).inserted == 20)
        }
        let stored = try database.contacts(ofCampaign: campaign.id, limit: 100)
        #expect(stored.map(\.phoneE164) == numbers)
        #expect(stored.map(\.rowNumber) == Array(2..<62))
    }

    @Test("a failing row rolls the whole batch back")
    func failureRollsBack() throws {
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "c", agentID: "a")
        let batch = [
            NewContact(rowNumber: 2, name: "a", phoneE164: "+919876543210"),
            NewContact(rowNumber: 3, name: "b", phoneE164: "not a number"),
            NewContact(rowNumber: 4, name: "c", phoneE164: "+14155550100"),
        ]
        #expect(throws: DatabaseError.self) { try database.insertContacts(batch, intoCampaign: campaign.id) }
        #expect(try database.contactCount(ofCampaign: campaign.id) == 0)
    }

    @Test("import batches enlarge the writer's page cache and finishing the import gives it back")
    func importCache() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try CampaignDatabase.open(at: directory.path("dialer.sqlite"))
        let campaign = try database.createCampaign(name: "c", agentID: "a")
        func cacheSize() throws -> Int? { try database.writer.write { try Int.fetchOne($0, sql: "PRAGMA cache_size") } }
        let importID = try database.beginImport(intoCampaign: campaign.id, source: "list.csv")
        _ = try database.commitImportBatch(
            [NewContact(rowNumber: 2, name: "x", phoneE164: "+14155550100")],
            intoCampaign: campaign.id,
            importID: importID,
            counts: ImportCounts(rows: 1)
        )
        #expect(try cacheSize() == -CampaignDatabase.importCacheKiB)
        try database.finishImport(importID, counts: ImportCounts(rows: 1, imported: 1))
        #expect(try cacheSize() == -CampaignDatabase.defaultCacheKiB)
    }
}
