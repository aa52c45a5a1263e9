import SQLiteStore
import CampaignReports
import Foundation
import Testing

@Suite("JSON Lines export")
struct JSONLinesExportTests {
    private func lines(_ fixture: ReportFixture) async throws -> (ExportSummary, [[String: Any]]) {
        let summary = try await CampaignReporter(store: fixture.database)
            .exportJSONLines(campaign: "renewals", to: .file(path: fixture.path("out.jsonl")))
        let text = try fixture.read("out.jsonl")
        #expect(text.hasSuffix("\n"))
        let objects = try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        return (summary, objects)
    }

    @Test("One line per attempt, plus one per contact never attempted, in import and attempt order")
    func lineCount() async throws {
        let (summary, objects) = try await lines(try ReportFixture.renewals())
        // Attempts: 2 + 3 + 0 (one line for the contact) + 1 + 1 + 1.
        #expect(objects.count == 9)
        #expect(summary.rows == 9)
        #expect(summary.contacts == 6)
        #expect(objects.map { $0["row"] as? Int } == [2, 2, 3, 3, 3, 4, 5, 6, 7])
        #expect(objects.map { $0["attempt"] as? Int } == [1, 2, 1, 2, 3, nil, 1, 1, 1])
    }

    @Test("Lines carry contact and attempt fields, transcripts and entity included")
    func content() async throws {
        let (_, objects) = try await lines(try ReportFixture.renewals())
        let answered = objects[1]
        #expect(answered["name"] as? String == "Asha Rao")
        #expect(answered["contact_number"] as? String == "+919876543210")
        #expect(answered["status"] as? String == "completed")
        #expect(answered["timezone"] as? String == "Asia/Kolkata")
        #expect(answered["variables"] as? [String: String] == ["city": "Pune", "plan": "Gold"])
        #expect(answered["call_id"] as? String == "call-2")
        #expect(answered["outcome"] as? String == "completed")
        #expect(answered["duration_ms"] as? Int == 83_412)
        #expect(answered["cost"] as? Double == 1.25)
        #expect(answered["disposition"] as? String == "interested")
        #expect(answered["transcript"] as? String == "Agent: Hello Asha\nAsha: Hi, yes I will renew")
        let entity = try #require(answered["entity"] as? [String: Any])
        #expect(entity["renew"] as? Bool == true)
        #expect(entity["email"] as? String == "asha@example.com")
        #expect(answered["started_at"] as? String == "2026-05-28T21:26:40.000Z")
        #expect((answered["attempt_id"] as? String)?.count == 36)

        let neverDialed = objects[5]
        #expect(neverDialed["name"] as? String == "<script>alert(1)</script>")
        #expect(neverDialed["attempt"] is NSNull)
        #expect(neverDialed["call_id"] is NSNull)
        #expect(neverDialed["variables"] as? [String: String] == ["city": "London, UK", "extra": "line1\nline2 \"quoted\""])

        let dnd = objects[6]
        #expect(dnd["name"] as? String == "José Müller 😀")
        #expect(dnd["status"] as? String == "dnd")
        #expect(dnd["error"] as? String == "403 Forbidden: DND")
        #expect(dnd["last_error"] as? String == "destination is in the DND registry")

        let inFlight = objects[8]
        #expect(inFlight["status"] as? String == "unknown")
        #expect(inFlight["stored_status"] as? String == "dialing")
        #expect(inFlight["ended_at"] is NSNull)
    }
}
