@testable import SQLiteStore
import ArgumentParser
import CampaignStore
import Foundation
import Testing

@testable import VaaniDialerCLI

@Suite("list, status and export commands")
struct ReportCommandsTests {
    /// A database file with one campaign of two imported contacts, in a directory removed afterwards.
    private func withDatabase(_ body: (_ directory: URL, _ databasePath: String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("report-commands-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("dialer.sqlite").path
        let database = try CampaignDatabase.open(at: path)
        let campaign = try database.createCampaign(name: "spring sale", agentID: "agent-7")
        _ = try database.insertContacts(
            [
                NewContact(
                    rowNumber: 2, name: "Asha Rao", phoneE164: "+919876543210", timeZone: "Asia/Kolkata",
                    variables: ContactVariables([("city", "Pune")])),
                NewContact(
                    rowNumber: 3, name: "=cmd|' /C calc'!A0", phoneE164: "+14155550100",
                    variables: ContactVariables([("city", "San Jose, CA")])),
            ],
            intoCampaign: campaign.id
        )
        try await body(directory, path)
    }

    @Test("export writes each format to the named file")
    func export() async throws {
        try await withDatabase { directory, path in
            for format in ["csv", "json", "html"] {
                let output = directory.appendingPathComponent("report.\(format)").path
                let command = try ExportCommand.parse(["spring sale", "--format", format, "--output", output, "--db", path])
                try await command.run()
                let text = try String(contentsOfFile: output, encoding: .utf8)
                #expect(text.contains("Asha Rao"))
                switch format {
                case "csv":
                    #expect(text.hasPrefix("row,name,contact_number,status,attempts,"))
                    #expect(text.contains("3,'=cmd|' /C calc'!A0,+14155550100,pending,0,,,,,,,\"San Jose, CA\"\r\n"))
                case "json":
                    #expect(text.split(separator: "\n").count == 2)
                default:
                    #expect(text.contains("<title>spring sale — Vaani campaign report</title>"))
                }
            }
        }
    }

    @Test("status and list read the campaign; an unknown name and a missing database are clear errors")
    func statusAndList() async throws {
        try await withDatabase { directory, path in
            let status = try StatusCommand.parse(["spring sale", "--json", "--db", path])
            try await status.run()
            let list = try ListCommand.parse(["--db", path])
            try await list.run()
            let unknown = try StatusCommand.parse(["autumn", "--db", path])
            await #expect(throws: (any Error).self) { try await unknown.run() }
            let missing = directory.appendingPathComponent("none.sqlite").path
            let noDatabase = try ListCommand.parse(["--db", missing])
            await #expect {
                try await noDatabase.run()
            } throws: { error in
                "\(error)".contains("No campaign database at \(missing)")
            }
            #expect(!FileManager.default.fileExists(atPath: missing))
        }
    }

    @Test("export refuses a negative table limit and an unknown format")
    func validation() {
        #expect(throws: (any Error).self) { try ExportCommand.parse(["c", "--format", "xlsx"]) }
        #expect(throws: (any Error).self) { try ExportCommand.parse(["c", "--format", "html", "--table-limit", "-1"]) }
    }
}
