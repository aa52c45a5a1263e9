@testable import CampaignStore
@testable import SQLiteStore
import Foundation
import GRDB
import Testing

@Suite("Schema migrations")
struct SchemaMigrationTests {
    /// A database file at `path` with the first release's schema only.
    static func v1Database(at path: String) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: path, configuration: CampaignDatabase.makeConfiguration())
        try CampaignDatabase.migrator.migrate(queue, upTo: CampaignDatabase.v1MigrationID)
        return queue
    }

    @Test("a v1 database is migrated to v2 with its contacts, their attempts and the links between them")
    func v1ToV2() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let queue = try Self.v1Database(at: directory.path("v1.sqlite"))
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO campaigns (id, name, agent_id, created_at, updated_at) VALUES (1, 'renewals', 'agent', 0, 0);
                INSERT INTO contacts (id, campaign_id, "row_number", name, phone_e164, variables, status, attempts)
                    VALUES (7, 1, 2, 'Asha', '+919876543210', '{"plan":"Gold"}', 'completed', 1);
                INSERT INTO attempts (id, contact_id, campaign_id, number, started_at, call_id, outcome)
                    VALUES ('00000000-0000-0000-0000-000000000001', 7, 1, 1, 5, 'call-1', 'completed');
                """)
        }

        let database = try CampaignDatabase(queue)

        let contact = try #require(try database.contacts(ofCampaign: 1).first)
        #expect(contact.id == 7 && contact.phoneE164 == "+919876543210" && contact.status == .completed)
        #expect(contact.variables.dictionary == ["plan": "Gold"])
        try queue.read { db in
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'contacts'") ?? ""
            #expect(sql.contains("status = 'pending' OR status = 'dialing'"))
            #expect(!sql.contains("status IN"))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'contacts_due'") == 1)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
        // The attempt still belongs to the contact: deleting the contact cascades to it.
        try queue.write { db in try db.execute(sql: "DELETE FROM contacts WHERE id = 7") }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM attempts") } == 0)
    }

    @Test("a read-only database opens for reading when its schema is current, and says so when it is older")
    func readOnlyOpen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let current = directory.path("current.sqlite")
        try CampaignDatabase.createWithOneContact(at: current)
        chmod(current, 0o444)
        let reading = try CampaignDatabase.openForReading(at: current)
        let campaign = try #require(try reading.campaign(named: "renewals"))
        #expect(try reading.contactCount(ofCampaign: campaign.id) == 1)
        let write = #expect(throws: DatabaseError.self) { try reading.createCampaign(name: "other", agentID: "agent") }
        #expect(write?.resultCode == .SQLITE_READONLY)
        #expect(throws: CampaignStoreError.self) { try CampaignDatabase.open(at: current) }

        let older = directory.path("older.sqlite")
        _ = try Self.v1Database(at: older)
        chmod(older, 0o444)
        let error = #expect(throws: CampaignStoreError.self) { try CampaignDatabase.openForReading(at: older) }
        #expect(error?.description.contains("written by an older version whose schema must be upgraded first") == true, "\(String(describing: error))")
    }

    @Test("the schema accepts every contact status and refuses any other")
    func contactStatusCheck() throws {
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "renewals", agentID: "agent")
        _ = try database.insertContacts([NewContact(rowNumber: 2, name: "", phoneE164: "+14155550100")], intoCampaign: campaign.id)
        for status in ContactStatus.allCases {
            try database.writer.write { db in
                try db.execute(sql: "UPDATE contacts SET status = ?", arguments: [status.rawValue])
            }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: "UPDATE contacts SET status = 'bogus'") }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: "UPDATE contacts SET status = 'Pending'") }
        }
    }

    @Test("contacts keep empty and missing texts apart, and any text byte for byte")
    func textBinding() throws {
        let database = try CampaignDatabase.inMemory()
        let campaign = try database.createCampaign(name: "renewals", agentID: "agent")
        let long = String(repeating: "ü'\"; DROP TABLE contacts; --", count: 200)
        let result = try database.insertContacts(
            [
                NewContact(rowNumber: 2, name: "", phoneE164: "+14155550100", region: nil, timeZone: nil),
                NewContact(rowNumber: 3, name: long, phoneE164: "+14155550101", region: "", timeZone: "America/New_York"),
                NewContact(rowNumber: 4, name: "dup", phoneE164: "+14155550100"),
            ],
            intoCampaign: campaign.id
        )
        #expect(result == .init(inserted: 2, duplicates: 1, duplicateRowNumbers: [4]))
        let rows = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT name, region, timezone FROM contacts ORDER BY id")
        }
        #expect(rows[0]["name"] as String? == "" && rows[0]["region"] as String? == nil && rows[0]["timezone"] as String? == nil)
        #expect(rows[1]["name"] as String? == long && rows[1]["region"] as String? == "")
        #expect(rows[1]["timezone"] as String? == "America/New_York")

        // A row the schema refuses fails the batch with SQLite's reason, and the next batch works.
        let refused = #expect(throws: DatabaseError.self) {
            try database.insertContacts([NewContact(rowNumber: 5, name: "x", phoneE164: "4155550102")], intoCampaign: campaign.id)
        }
        #expect(refused?.resultCode == .SQLITE_CONSTRAINT)
        #expect(refused?.message?.contains("CHECK constraint failed") == true)
        let next = try database.insertContacts([NewContact(rowNumber: 6, name: "y", phoneE164: "+14155550102")], intoCampaign: campaign.id)
        #expect(next.inserted == 1)
        #expect(try database.contactCount(ofCampaign: campaign.id) == 3)
    }
}

extension SchemaMigrationTests {
    @Test("v4 keeps each existing campaign's attempt namespace (row id, creation time, name); new campaigns get a UUID")
    func attemptNamespace() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let queue = try DatabaseQueue(path: directory.path("v3.sqlite"), configuration: CampaignDatabase.makeConfiguration())
        try CampaignDatabase.migrator.migrate(queue, upTo: "v3: rate limits learned per API key fingerprint")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO campaigns (id, name, agent_id, created_at, updated_at) VALUES (7, 'renewals', 'agent', 1800000000000, 0)")
        }
        let database = try CampaignDatabase(queue)
        let namespaces = { try queue.read { db in try [String: String](uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT name, attempt_namespace FROM campaigns").map { ($0[0], $0[1]) }) } }
        #expect(try namespaces()["renewals"] == "7:1800000000000:renewals")
        _ = try database.createCampaign(name: "fresh", agentID: "agent")
        _ = try database.createCampaign(name: "other", agentID: "agent")
        let all = try namespaces()
        #expect(UUID(uuidString: all["fresh"] ?? "") != nil)
        #expect(UUID(uuidString: all["other"] ?? "") != nil)
        #expect(all["fresh"] != all["other"])
    }
}
