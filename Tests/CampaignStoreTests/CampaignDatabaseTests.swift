@testable import SQLiteStore
import CampaignStore
import Foundation
import GRDB
import Testing

@Suite("CampaignDatabase")
struct CampaignDatabaseTests {
    @Test("a new database file is WAL, has foreign keys on, and is readable by its owner only")
    func fileSetup() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("store.sqlite")
        let database = try CampaignDatabase.open(at: path)
        _ = try database.createCampaign(name: "one", agentID: "agent")

        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o600)
        let walMode = try #require(FileManager.default.attributesOfItem(atPath: path + "-wal")[.posixPermissions] as? Int)
        #expect(walMode & 0o077 == 0)
        let pragmas: [String?] = try database.writer.read { db in
            try ["journal_mode", "foreign_keys", "integrity_check"].map { try String.fetchOne(db, sql: "PRAGMA \($0)") }
        }
        #expect(pragmas == ["wal", "1", "ok"])
    }

    @Test("reopening a file keeps its data and does not migrate twice")
    func reopen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("store.sqlite")
        try CampaignDatabase.createWithOneContact(at: path)
        let database = try CampaignDatabase.open(at: path)
        let campaign = try #require(try database.campaign(named: "renewals"))
        #expect(try database.contactCount(ofCampaign: campaign.id) == 1)
    }

    @Test("a file that is not a database gets a clear error naming it; missing directories are created owner-only")
    func notADatabase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("notes.txt")
        try Data(String(repeating: "not a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        let notDatabase = #expect(throws: CampaignStoreError.self) { try CampaignDatabase.open(at: path) }
        #expect(notDatabase?.code == .notADatabase)
        #expect(
            notDatabase?.message == "\(path) is not a vaani-dialer database or is damaged (SQLite error 26: file is not a "
                + "database). Point --db at the campaign database, or restore it from a backup."
        )
        let inMissingDirectory = directory.path("missing/deeper/store.sqlite")
        _ = try CampaignDatabase.open(at: inMissingDirectory)
        for created in ["missing", "missing/deeper"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.path(created))
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        }
        let file = try FileManager.default.attributesOfItem(atPath: inMissingDirectory)
        #expect((file[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
}
