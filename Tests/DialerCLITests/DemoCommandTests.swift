@testable import SQLiteStore
import ArgumentParser
import CampaignStore
import Foundation
import Testing

@testable import VaaniDialerCLI

@Suite("demo command")
struct DemoCommandTests {
    /// The repository's root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("the demo imports the demo list, runs it through a 402 and a top-up, and writes the three reports")
    func demo() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let contacts = Self.root.appendingPathComponent("campaigns/demo/contacts.csv").path
        let command = try DemoCommand.parse(["--contacts", contacts, "--output", output.path])
        try await command.run()

        let database = try CampaignDatabase.open(at: output.appendingPathComponent("demo.sqlite").path)
        let campaign = try #require(try database.campaign(named: "demo"))
        let counts = try database.contactCounts(ofCampaign: campaign.id)
        #expect(counts.values.reduce(0, +) == 182)
        #expect(counts.keys.filter { !$0.isFinal }.isEmpty, "\(counts)")
        #expect(counts[.dnd] == 1)
        #expect(try database.contact(phoneE164: DemoScenario.dndNumber, inCampaign: campaign.id)?.status == .dnd)

        let csv = try String(contentsOf: output.appendingPathComponent("demo.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("row,name,contact_number,status,attempts,call_id,"))
        #expect(csv.split(separator: "\r\n").count == 183)
        let jsonLines = try String(contentsOf: output.appendingPathComponent("demo.jsonl"), encoding: .utf8)
        // One line per attempt: every contact's first call plus the redials of unanswered and busy lines.
        let attempts = try database.contacts(ofCampaign: campaign.id).reduce(0) { $0 + $1.attempts }
        #expect(jsonLines.split(separator: "\n").count == attempts)
        #expect(attempts > 182)
        let html = try String(contentsOf: output.appendingPathComponent("demo.html"), encoding: .utf8)
        #expect(html.contains("<title>demo — Vaani campaign report</title>"))
        #expect(!html.contains("http://") && !html.contains("https://"), "the report must not load anything")
        let rejects = try String(contentsOf: output.appendingPathComponent("demo-rejects.csv"), encoding: .utf8)
        #expect(rejects.split(separator: "\n").count == 12)
    }

    @Test("a missing contact list is a clear error naming the file")
    func missingContacts() async throws {
        let command = try DemoCommand.parse(["--contacts", "/nonexistent/contacts.csv", "--output", "/tmp/unused"])
        let error = await #expect(throws: ValidationError.self) { try await command.run() }
        #expect(error?.message.contains("/nonexistent/contacts.csv does not exist") == true)
    }
}
