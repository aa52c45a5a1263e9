@testable import SQLiteStore
import CampaignStore
import Foundation
import GRDB
import Testing

@Suite("Contacts, attempts and suppression")
struct ContactTests {
    @Test("a large batch names every duplicate in file order, within the batch and against earlier imports")
    func dedupInLargeBatches() throws {
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "c", agentID: "a")
        _ = try database.insertContacts([NewContact(rowNumber: 2, name: "Earlier", phoneE164: "+14155550177")], intoCampaign: campaign.id)
        // 100 rows with duplicates of a nearby row, of an earlier import, and of a row far back.
        var batch = (0..<100).map { NewContact(rowNumber: $0 + 2, name: "P\($0)", phoneE164: "+1415555\(String(format: "%04d", $0))") }
        batch[5].phoneE164 = batch[1].phoneE164
        batch[40].phoneE164 = "+14155550177"
        batch[98].phoneE164 = batch[3].phoneE164
        let result = try database.insertContacts(batch, intoCampaign: campaign.id)
        #expect(result.inserted == 97)
        #expect(result.duplicates == 3)
        #expect(result.duplicateRowNumbers == [7, 42, 100])
        let stored = try database.contacts(ofCampaign: campaign.id, limit: 200)
        #expect(stored.count == 98)
        #expect(stored.map(\.rowNumber) == [2] + (0..<100).filter { ![5, 40, 98].contains($0) }.map { $0 + 2 })
        #expect(try database.insertContacts(batch, intoCampaign: campaign.id).duplicates == 100)
    }

    @Test("bulk insert skips numbers the campaign already has, within and across batches")
    func dedup() throws {
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "c", agentID: "a")
        let other = try database.createCampaign(name: "other", agentID: "a")
        let batch = [
            NewContact(rowNumber: 2, name: "A", phoneE164: "+14155550100"),
            NewContact(rowNumber: 3, name: "B", phoneE164: "+14155550101"),
            NewContact(rowNumber: 4, name: "A again", phoneE164: "+14155550100"),
        ]
        let first = try database.insertContacts(batch, intoCampaign: campaign.id)
        #expect(first.inserted == 2)
        #expect(first.duplicateRowNumbers == [4])
        let second = try database.insertContacts(batch, intoCampaign: campaign.id)
        #expect(second.inserted == 0)
        #expect(second.duplicates == 3)
        #expect(try database.insertContacts(batch, intoCampaign: other.id).inserted == 2)
        #expect(try database.contactCounts(ofCampaign: campaign.id) == [.pending: 2])
        let stored = try database.contacts(ofCampaign: campaign.id)
        #expect(stored.map(\.name) == ["A", "B"])
        #expect(stored.allSatisfy { $0.status == .pending && $0.attempts == 0 && $0.nextAttemptAt == nil })
    }

    @Test("names and variables full of quotes and SQL are stored verbatim")
    func hostileText() throws {
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "c", agentID: "a")
        let name = #"O'Brien"; DROP TABLE contacts; --"#
        let variables = ContactVariables([
            (name: "note", value: "'; DROP TABLE contacts; --"),
            (name: #"we"ird\key"#, value: "line1\nline2\t\u{01}"),
            (name: "hindi", value: "नमस्ते"),
        ])
        _ = try database.insertContacts(
            [NewContact(rowNumber: 7, name: name, phoneE164: "+919876543210", region: "IN", timeZone: "Asia/Kolkata", variables: variables)],
            intoCampaign: campaign.id
        )
        let contact = try #require(try database.contact(phoneE164: "+919876543210", inCampaign: campaign.id))
        #expect(contact.name == name)
        #expect(contact.rowNumber == 7)
        #expect(contact.region == "IN")
        #expect(contact.timeZone == "Asia/Kolkata")
        #expect(contact.variables.dictionary == [
            "note": "'; DROP TABLE contacts; --", #"we"ird\key"#: "line1\nline2\t\u{01}", "hindi": "नमस्ते",
        ])
        #expect(contact.variables.json.hasPrefix(#"{"note":"#))
        #expect(try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM contacts") } == 1)
    }

    @Test("the schema refuses numbers that are not E.164, unknown statuses and orphans")
    func constraints() throws {
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "c", agentID: "a")
        for bad in ["14155550100", "+0123", "+1415555x100", "", "+12345678901234567"] {
            #expect(throws: DatabaseError.self) {
                try database.insertContacts([NewContact(rowNumber: 2, name: "x", phoneE164: bad)], intoCampaign: campaign.id)
            }
        }
        #expect(throws: DatabaseError.self) {
            try database.insertContacts([NewContact(rowNumber: 2, name: "x", phoneE164: "+14155550100")], intoCampaign: 42)
        }
        _ = try database.insertContacts([NewContact(rowNumber: 2, name: "x", phoneE164: "+14155550100")], intoCampaign: campaign.id)
        for update in ["status = 'bogus'", "attempts = -1", "variables = '{oops'"] {
            #expect(throws: DatabaseError.self) {
                try database.writer.write { db in try db.execute(sql: "UPDATE contacts SET \(update)") }
            }
        }
        #expect(try database.contactCount(ofCampaign: campaign.id) == 1)
    }

    @Test("attempts round-trip and unfinished ones are listed for reconciliation")
    func attempts() throws {
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "c", agentID: "a")
        _ = try database.insertContacts([NewContact(rowNumber: 2, name: "x", phoneE164: "+14155550100")], intoCampaign: campaign.id)
        let contact = try #require(try database.contacts(ofCampaign: campaign.id).first)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var first = Attempt(contactID: contact.id, campaignID: campaign.id, number: 1, startedAt: start)
        try database.saveAttempt(first)
        #expect(try database.unfinishedAttempts(ofCampaign: campaign.id).map(\.id) == [first.id])

        first.callID = "call-1"
        first.outcome = "accepted"
        first.callStatus = "completed"
        first.durationMilliseconds = 61_000
        first.entityJSON = #"{"intent":"renew"}"#
        first.cost = 0.42
        first.endedAt = start.addingTimeInterval(70)
        try database.saveAttempt(first)
        #expect(try database.unfinishedAttempts(ofCampaign: campaign.id).isEmpty)
        #expect(try database.attempts(ofContact: contact.id) == [first])

        let duplicateNumber = Attempt(contactID: contact.id, campaignID: campaign.id, number: 1, startedAt: start)
        #expect(throws: DatabaseError.self) { try database.saveAttempt(duplicateNumber) }
    }

    @Test("suppression keeps the first reason and answers membership")
    func suppression() throws {
        let database = try CampaignDatabase.inMemory()
        let added = try database.suppress([
            SuppressionEntry(phoneE164: "+919876543210", reason: "do-not-call list", source: "dnc.txt"),
            SuppressionEntry(phoneE164: "+919876543210", reason: "DND registry (403)", source: "api"),
            SuppressionEntry(phoneE164: "+14155550100", reason: "do-not-call list", source: "dnc.txt"),
        ])
        #expect(added == 2)
        #expect(try database.isSuppressed("+919876543210"))
        #expect(try !database.isSuppressed("+919876543211"))
        #expect(try database.suppressionEntry(for: "+919876543210")?.source == "dnc.txt")
        #expect(try database.suppressedNumbers() == ["+919876543210", "+14155550100"])
    }

    @Test("import batches store counts with the contacts they describe")
    func importCounts() throws {
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "c", agentID: "a")
        let importID = try database.beginImport(intoCampaign: campaign.id, source: "list.csv")
        let result = try database.commitImportBatch(
            [NewContact(rowNumber: 2, name: "x", phoneE164: "+14155550100"), NewContact(rowNumber: 3, name: "y", phoneE164: "+14155550100")],
            intoCampaign: campaign.id,
            importID: importID,
            counts: ImportCounts(rows: 3, rejected: 1)
        )
        #expect(result.inserted == 1)
        let record = try #require(try database.imports(ofCampaign: campaign.id).first)
        #expect(record.counts == ImportCounts(rows: 3, imported: 1, rejected: 1, duplicates: 1))
        #expect(record.finishedAt == nil)
        try database.finishImport(importID, counts: record.counts)
        #expect(try database.imports(ofCampaign: campaign.id).first?.finishedAt != nil)
    }
}
