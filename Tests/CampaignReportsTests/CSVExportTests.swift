import SQLiteStore
import CampaignReports
import Foundation
import Testing

@Suite("CSV export")
struct CSVExportTests {
    @Test("One row per contact with its latest call, its status word and its variables")
    func rows() async throws {
        let fixture = try ReportFixture.renewals()
        let summary = try await CampaignReporter(store: fixture.database)
            .exportCSV(campaign: "renewals", to: .file(path: fixture.path("out.csv")))
        let text = try fixture.read("out.csv")
        let records = CSVTestReader.records(text)
        #expect(summary.contacts == 6)
        #expect(summary.rows == 6)
        #expect(summary.bytes == text.utf8.count)
        #expect(records.count == 7)
        #expect(
            records[0] == [
                "row", "name", "contact_number", "status", "attempts", "call_id", "call_status", "duration_s",
                "disposition", "summary", "error", "city", "plan", "note", "extra",
            ])
        #expect(
            records[1] == [
                "2", "Asha Rao", "+919876543210", "completed", "2", "call-2", "completed", "83.412", "interested",
                "Agreed to renew, asked for the invoice by email.", "", "Pune", "Gold", "", "",
            ])
        #expect(
            records[2] == [
                "3", #"'=HYPERLINK("http://evil.example","click")"#, "+14155550100", "no_answer", "3", "call-h3",
                "no_answer", "0", "", "", "", "", "Silver", "'-2+3+cmd|' /C calc'!A0", "",
            ])
        #expect(
            records[3] == [
                "4", "<script>alert(1)</script>", "+442071838750", "pending", "0", "", "", "", "", "", "",
                "London, UK", "", "", "line1\nline2 \"quoted\"",
            ])
        #expect(
            records[4] == [
                "5", "José Müller 😀", "+4930123456", "dnd", "1", "", "", "", "", "",
                "destination is in the DND registry", "", "'@SUM(A1)", "", "",
            ])
        #expect(records[5][0...7] == ["6", "Busy Bee", "+919812345678", "pending", "1", "call-b1", "busy", "0"])
        #expect(records[6][0...5] == ["7", "In Flight", "+919800000001", "unknown", "1", ""])
        #expect(records.allSatisfy { $0.count == 15 })
        #expect(text.hasSuffix("\r\n"))
    }

    @Test("The report file is readable by its owner only, and no temporary file is left")
    func permissions() async throws {
        let fixture = try ReportFixture.renewals()
        try await CampaignReporter(store: fixture.database)
            .exportCSV(campaign: "renewals", to: .file(path: fixture.path("out.csv")))
        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.path("out.csv"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(!FileManager.default.fileExists(atPath: fixture.path(".out.csv.part")))
    }

    @Test("An unknown campaign is a clear error and writes no file")
    func unknownCampaign() async throws {
        let fixture = try ReportFixture.renewals()
        await #expect(throws: CampaignReportError.unknownCampaign(name: "renewal")) {
            try await CampaignReporter(store: fixture.database)
                .exportCSV(campaign: "renewal", to: .file(path: fixture.path("out.csv")))
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out.csv")))
        #expect(!FileManager.default.fileExists(atPath: fixture.path(".out.csv.part")))
        #expect("\(CampaignReportError.unknownCampaign(name: "renewal"))".contains("vaani-dialer list"))
    }

    @Test("A destination in a missing directory names the path")
    func unwritable() async throws {
        let fixture = try ReportFixture.renewals()
        let path = fixture.path("missing/out.csv")
        await #expect {
            try await CampaignReporter(store: fixture.database).exportCSV(campaign: "renewals", to: .file(path: path))
        } throws: { error in
            "\(error)".contains(path) && "\(error)".contains("No such file or directory")
        }
    }

    @Test("A campaign without contacts exports just the header")
    func empty() async throws {
        let fixture = try ReportFixture()
        try fixture.addCampaign(name: "empty")
        try await CampaignReporter(store: fixture.database)
            .exportCSV(campaign: "empty", to: .file(path: fixture.path("out.csv")))
        #expect(try fixture.read("out.csv") == CampaignReporter.csvColumns.joined(separator: ",") + "\r\n")
    }

    @Test("A variable named like a fixed column keeps its data under a distinct header")
    func collidingVariable() async throws {
        let fixture = try ReportFixture()
        let campaign = try fixture.addCampaign(name: "c")
        try fixture.addContact(
            campaign: campaign, row: 2, name: "A", phone: "+14155550100", variables: #"{"status":"vip"}"#)
        try await CampaignReporter(store: fixture.database).exportCSV(campaign: "c", to: .file(path: fixture.path("o.csv")))
        let records = CSVTestReader.records(try fixture.read("o.csv"))
        #expect(records[0].last == "variable_status")
        #expect(records[1].last == "vip")
        #expect(records[1][3] == "pending")
    }
}
