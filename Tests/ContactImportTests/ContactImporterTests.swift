@testable import SQLiteStore
import CampaignStore
import ContactImport
import Foundation
import GRDB
import Testing

@Suite("ContactImporter")
struct ContactImporterTests {
    /// A database file and a place for CSV files, in a fresh temporary directory.
    struct Fixture {
        let directory: TemporaryDirectory
        let database: CampaignDatabase
        let importer: ContactImporter

        init() throws {
            directory = try TemporaryDirectory()
            database = try CampaignDatabase.open(at: directory.path("dialer.sqlite"))
            importer = ContactImporter(store: database)
        }

        func write(_ name: String, _ text: String) throws -> String {
            let path = directory.path(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }

        func run(_ path: String, campaign: String = "renewals", region: String? = "IN", dnc: String? = nil, phone: String? = nil, name: String? = nil) async throws -> ImportSummary {
            try await importer.importContacts(
                from: path,
                options: ContactImportOptions(
                    campaign: campaign, agentID: "agent-1", defaultRegion: region, phoneColumn: phone, nameColumn: name,
                    doNotCallFile: dnc
                )
            )
        }

        func contacts(_ campaign: String = "renewals") throws -> [Contact] {
            guard let id = try database.campaign(named: campaign)?.id else { return [] }
            return try database.contacts(ofCampaign: id, limit: 100_000)
        }
    }

    static let list = """
        name,phone,city,plan,timezone
        Asha Rao,+91 98765 43210,Pune,Gold,
        Asha again,098765 43210,Pune,Gold,
        Ben Lee,+1 (415) 555-2671,San Francisco,Silver,America/Los_Angeles
        Too Short,98765,Delhi,Basic,
        "Mehta, Kiran",9.19877E+11,Mumbai,Basic,
        Nobody,,Mumbai,Basic,
        Bad Zone,+91 98111 22334,Delhi,Gold,Mars/Olympus
        Chloé Martin,+33 6 12 34 56 78,Paris,Gold,

        """

    @Test("imports valid rows, rejects invalid ones with line, column and reason, and counts duplicates")
    func importsAndRejects() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        let path = try fixture.write("list.csv", Self.list)
        let summary = try await fixture.run(path)
        #expect(summary.counts == ImportCounts(rows: 8, imported: 3, rejected: 4, duplicates: 1, suppressed: 0))
        #expect(summary.rejectedByReason.map(\.count).reduce(0, +) == 4)

        let contacts = try fixture.contacts()
        #expect(contacts.map(\.phoneE164) == ["+919876543210", "+14155552671", "+33612345678"])
        #expect(contacts.map(\.rowNumber) == [2, 4, 9])
        #expect(contacts.map(\.name) == ["Asha Rao", "Ben Lee", "Chloé Martin"])
        #expect(contacts.map(\.region) == ["IN", "US", "FR"])
        // libphonenumber's prefix data names India's zone by its older IANA link.
        #expect(contacts.map(\.timeZone) == ["Asia/Calcutta", "America/Los_Angeles", "Europe/Paris"])
        #expect(contacts[0].variables.dictionary == ["city": "Pune", "plan": "Gold", "timezone": ""])
        #expect(contacts.allSatisfy { $0.status == .pending })

        let rejectsPath = try #require(summary.rejectsPath)
        #expect(rejectsPath == fixture.directory.path("renewals-rejects.csv"))
        let rejects = try String(contentsOfFile: rejectsPath, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rejects.count == 5)
        #expect(rejects[0] == "source,line,column,reason,original")
        let source = URL(fileURLWithPath: path).standardizedFileURL.path
        #expect(rejects[1].hasPrefix("\(source),5,phone,"))
        #expect(rejects[1].hasSuffix(",\"Too Short,98765,Delhi,Basic,\""))
        #expect(rejects[2].hasPrefix("\(source),6,phone,"))
        #expect(rejects[2].contains("\"\"\"Mehta, Kiran\"\",9.19877E+11,Mumbai,Basic,\""))
        #expect(rejects[3] == "\(source),7,phone,no phone number,\"Nobody,,Mumbai,Basic,\"")
        #expect(rejects[4].hasPrefix("\(source),8,timezone,\"unknown time zone \"\"Mars/Olympus\"\""))
        let mode = try #require(FileManager.default.attributesOfItem(atPath: rejectsPath)[.posixPermissions] as? Int)
        #expect(mode & 0o077 == 0)
    }

    @Test("importing the same file twice changes nothing; another file appends")
    func idempotent() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        let path = try fixture.write("list.csv", Self.list)
        let first = try await fixture.run(path)
        let rejectsBefore = try String(contentsOfFile: try #require(first.rejectsPath), encoding: .utf8)
        let contactsBefore = try fixture.contacts()

        let second = try await fixture.run(path)
        #expect(second.counts == ImportCounts(rows: 8, imported: 0, rejected: 4, duplicates: 4, suppressed: 0))
        #expect(try fixture.contacts() == contactsBefore)
        #expect(try String(contentsOfFile: try #require(second.rejectsPath), encoding: .utf8) == rejectsBefore)

        let more = try fixture.write("more.csv", "Full Name;Mobile Number\nDev Patel;+91 99887 76655\nAsha Rao;+919876543210\nX;12\n")
        let third = try await fixture.run(more)
        #expect(third.counts == ImportCounts(rows: 3, imported: 1, rejected: 1, duplicates: 1, suppressed: 0))
        #expect(try fixture.contacts().map(\.name) == ["Asha Rao", "Ben Lee", "Chloé Martin", "Dev Patel"])
        let rejects = try String(contentsOfFile: try #require(third.rejectsPath), encoding: .utf8)
        #expect(rejects.split(separator: "\n").count == 6)
        #expect(try fixture.database.imports(ofCampaign: try #require(fixture.contacts().first).campaignID).count == 3)
    }

    @Test("numbers on the do-not-call file or the suppression table are skipped and counted")
    func doNotCall() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        try fixture.database.suppress([SuppressionEntry(phoneE164: "+33612345678", reason: "DND registry (403)", source: "api")])
        let dnc = try fixture.write("dnc.txt", "phone\n# our opt-outs\n098765 43210\n\nnot a number\n+1 415 555 2671\n")
        let summary = try await fixture.run(try fixture.write("list.csv", Self.list), dnc: dnc)
        #expect(summary.counts == ImportCounts(rows: 8, imported: 0, rejected: 4, duplicates: 0, suppressed: 4))
        #expect(summary.doNotCall.map { [$0.numbers, $0.newlySuppressed, $0.invalidLines] } == [2, 2, 1])
        #expect(summary.warnings.contains { $0.contains("line 5") && $0.contains("not a number") })
        #expect(try fixture.database.isSuppressed("+919876543210"))
        #expect(try fixture.database.suppressionEntry(for: "+14155552671")?.source == dnc)
        #expect(try fixture.contacts().isEmpty)
    }

    @Test("names and variables full of quotes and SQL are stored verbatim")
    func hostileText() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        let text = #"""
            name,phone,"note ""quoted""",'; DROP TABLE contacts; --
            "Robert'); DROP TABLE contacts;--",+14155552671,"He said ""hi""; DELETE FROM campaigns","\'""\n"
            """#
        let summary = try await fixture.run(try fixture.write("evil.csv", text + "\n"), campaign: "x'; DROP TABLE campaigns; --")
        #expect(summary.counts.imported == 1)
        let contact = try #require(try fixture.contacts("x'; DROP TABLE campaigns; --").first)
        #expect(contact.name == "Robert'); DROP TABLE contacts;--")
        #expect(contact.variables.dictionary == [
            "note \"quoted\"": "He said \"hi\"; DELETE FROM campaigns", "'; DROP TABLE contacts; --": "\\'\"\\n",
        ])
        #expect(try fixture.database.campaigns().count == 1)
    }

    @Test("first and last name columns, header spelling, and overrides")
    func columns() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        let path = try fixture.write("people.csv", "First Name\tLAST_NAME\tPhone-Number\tAlt Phone\nAsha\tRao\t+919876543210\t+919876543211\n")
        let summary = try await fixture.run(path)
        #expect(summary.delimiter == "\t")
        #expect(try fixture.contacts().map(\.name) == ["Asha Rao"])
        #expect(try fixture.contacts().first?.variables.dictionary == ["Alt Phone": "+919876543211"])

        let overridden = try await fixture.run(path, campaign: "alt", phone: "alt phone", name: "LAST_NAME")
        #expect(overridden.counts.imported == 1)
        #expect(try fixture.contacts("alt").map(\.phoneE164) == ["+919876543211"])
        #expect(try fixture.contacts("alt").map(\.name) == ["Rao"])

        let missing = await #expect(throws: ContactImportError.self) { try await fixture.run(path, phone: "fax") }
        #expect(missing?.code == .columnNotFound)
        #expect(missing?.message.contains("--phone-column \"fax\"") == true)
        let noPhone = try fixture.write("nophone.csv", "name,email\nA,a@example.com\n")
        let error = await #expect(throws: ContactImportError.self) { try await fixture.run(noPhone) }
        #expect(error?.code == .noPhoneColumn)
        #expect(error?.message.contains("nophone.csv:1: no phone column") == true)
    }

    @Test("rows with the wrong number of fields or broken quotes are rejected, not misread")
    func ragged() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        let path = try fixture.write("ragged.csv", "name,phone,city\nA,+919876543210\nB,+919876543211,Pune,extra\nC,+919876543212,Pune,,\n\"D\"x,+919876543213,Pune\n")
        let summary = try await fixture.run(path)
        #expect(summary.counts == ImportCounts(rows: 4, imported: 1, rejected: 3))
        #expect(summary.rejectedByReason.map(\.reason).sorted() == ["malformed quotes", "wrong number of fields"])
        #expect(try fixture.contacts().map(\.name) == ["C"])
    }

    @Test("a header-only file imports nothing; an empty file and an unknown region are clear errors")
    func degenerate() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        let headerOnly = try await fixture.run(try fixture.write("header.csv", "name,phone\n"))
        #expect(headerOnly.counts == ImportCounts())
        #expect(headerOnly.rejectsPath == nil)
        let empty = await #expect(throws: CSVError.self) { try await fixture.run(try fixture.write("empty.csv", "")) }
        #expect(empty?.code == .empty)
        let region = await #expect(throws: ContactImportError.self) {
            try await fixture.run(try fixture.write("a.csv", "name,phone\nA,+14155552671\n"), region: "XX")
        }
        #expect(region?.code == .unknownRegion)
        #expect(try fixture.database.campaigns().count == 1)
    }

    @Test("a problem part-way stops with its position after importing the rows before it")
    func stopsPartWay() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        var bytes = Array("name,phone\nA,+919876543210\nB,+919876543211\n".utf8)
        bytes += Array("M".utf8) + [0xFC] + Array("ller,+919876543212\n".utf8)
        let path = fixture.directory.path("latin1.csv")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = await #expect(throws: ContactImportError.self) {
            try await fixture.importer.importContacts(
                from: path,
                options: ContactImportOptions(campaign: "c", agentID: "a", batchSize: 1)
            )
        }
        #expect(error?.code == .stopped)
        #expect(error?.message.contains("latin1.csv:4: byte 0xFC is not valid UTF-8") == true)
        #expect(error?.countsBeforeStop?.imported == 2)
        #expect(try fixture.contacts("c").count == 2)
    }

    @Test("numbers in random order across many batches: dialed in row order, duplicates by row, twice changes nothing")
    func randomOrderAcrossBatches() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        // 400 distinct Indian mobiles in scrambled order, then rows repeating earlier ones (in the
        // same batch and in earlier batches), a do-not-call number and an invalid row.
        let subscribers = (0..<400).map { ($0 * 387_420_489 + 12_345) % 1_000_000_000 }
        var lines = ["name,phone,plan"]
        lines += subscribers.enumerated().map { "P\($0.offset),+919\(String(format: "%09d", $0.element)),Gold" }
        lines.append("Again 0,+919\(String(format: "%09d", subscribers[0])),Silver")      // row 402: of row 2
        lines.append("Again 399,+919\(String(format: "%09d", subscribers[399])),Silver")  // row 403: of row 401
        lines.append("Short,98765,Basic")                                                   // row 404: rejected
        lines.append("Blocked,+919\(String(format: "%09d", 999_999_999)),Basic")           // row 405: do not call
        let path = try fixture.write("random.csv", lines.joined(separator: "\n") + "\n")
        let dnc = try fixture.write("dnc.txt", "+919999999999\n")
        let options = ContactImportOptions(campaign: "c", agentID: "a", defaultRegion: "IN", doNotCallFile: dnc, batchSize: 7)

        let first = try await fixture.importer.importContacts(from: path, options: options)
        #expect(first.counts == ImportCounts(rows: 404, imported: 400, rejected: 1, duplicates: 2, suppressed: 1))
        let contacts = try fixture.contacts("c")
        #expect(contacts.map(\.rowNumber) == Array(2...401))
        #expect(contacts.map(\.name) == (0..<400).map { "P\($0)" })
        #expect(zip(contacts, contacts.dropFirst()).allSatisfy { $0.id < $1.id })
        #expect(contacts.allSatisfy { $0.variables.dictionary == ["plan": "Gold"] })

        let second = try await fixture.importer.importContacts(from: path, options: options)
        #expect(second.counts == ImportCounts(rows: 404, imported: 0, rejected: 1, duplicates: 402, suppressed: 1))
        #expect(try fixture.contacts("c") == contacts)
    }
}

extension ContactImporterTests {
    @Test("cells a spreadsheet would run as formulas are neutralized in the rejects file, as in the reports")
    func rejectsNeutralizeFormulas() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        let path = try fixture.write(
            "hostile.csv",
            """
            name,phone
            Valid,+91 98765 43210
            =HYPERLINK("http://x"),=1+2
            @SUM(A1),@12
            -2+3+cmd,+91 123
            Plus,+12

            """
        )
        let summary = try await fixture.run(path)
        #expect(summary.counts.rejected == 4)
        let rejectsPath = try #require(summary.rejectsPath)
        let rows = try String(contentsOfFile: rejectsPath, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows.count == 5)
        // The original text of each rejected row starts with a formula character: it gets a leading '.
        #expect(rows[1].hasSuffix(",\"'=HYPERLINK(\"\"http://x\"\"),=1+2\""))
        #expect(rows[2].hasSuffix(",\"'@SUM(A1),@12\""))
        #expect(rows[3].hasSuffix(",\"'-2+3+cmd,+91 123\""))
        #expect(rows[4].hasSuffix(",\"Plus,+12\""))
        // Importing again keeps the other rows as they are, without a second '.
        _ = try await fixture.run(try fixture.write("other.csv", "name,phone\n=x,1\n"))
        let again = try String(contentsOfFile: rejectsPath, encoding: .utf8)
        #expect(again.contains(",\"'@SUM(A1),@12\"\n"))
        #expect(!again.contains("''"))
        #expect(again.contains(",\"'=x,1\"\n"))
    }
}
