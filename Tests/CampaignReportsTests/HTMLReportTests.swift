import SQLiteStore
import CampaignReports
import Foundation
import Testing

@Suite("HTML report")
struct HTMLReportTests {
    private func report(_ fixture: ReportFixture, tableLimit: Int = CampaignReporter.defaultHTMLTableLimit) async throws
        -> (ExportSummary, String)
    {
        let summary = try await CampaignReporter(store: fixture.database).exportHTML(
            campaign: "renewals", to: .file(path: fixture.path("report.html")), tableLimit: tableLimit,
            generatedAt: Date(timeIntervalSince1970: 1_780_010_000))
        return (summary, try fixture.read("report.html"))
    }

    @Test("Headline numbers cover every contact")
    func headline() async throws {
        let (summary, html) = try await report(try ReportFixture.renewals())
        #expect(summary.contacts == 6)
        #expect(summary.rows == 6)
        #expect(html.contains(#"<div class="label">Contacts</div><div class="number">6</div>"#))
        #expect(html.contains(#"<div class="label">Dialed</div><div class="number">3</div>"#))
        #expect(html.contains("6 calls placed"))
        #expect(html.contains(#"<div class="label">Answered</div><div class="number">1</div>"#))
        #expect(html.contains(#"<div class="label">Answer rate</div><div class="number">33.3%</div>"#))
        #expect(html.contains(#"<div class="label">Talk minutes</div><div class="number">1.4</div>"#))
        #expect(html.contains(#"<div class="label">Cost</div><div class="number">1.25</div>"#))
        #expect(html.contains("report of 2026-05-28 23:13 UTC"))
    }

    @Test("Charts are inline SVG with the outcome breakdown, attempts, durations and local hours")
    func charts() async throws {
        let (_, html) = try await report(try ReportFixture.renewals())
        #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
        #expect(html.contains("completed: 1 contact (16.7%)"))
        #expect(html.contains("pending: 2 contacts (33.3%)"))
        #expect(html.contains("1 contact with 3 attempts"))
        #expect(html.contains("1 answered call lasting 1–2 min"))
        // Asha's answered call started 21:26:40Z, 02:56 in Kolkata; her first try at 20:26:40Z was 01:56.
        #expect(html.contains("02:00–02:59: 1 answered of 1 call (100.0%)"))
        #expect(html.contains("01:00–01:59: 0 answered of 2 calls (0.0%)"))
        // The Los Angeles contact's calls at 20:27–20:29Z were at 13:27–13:29 local time.
        #expect(html.contains("13:00–13:59: 0 answered of 3 calls (0.0%)"))
    }

    @Test("Hostile names stay text, and the page loads nothing from the network")
    func escaping() async throws {
        let (_, html) = try await report(try ReportFixture.renewals())
        #expect(html.components(separatedBy: "<script>").count - 1 == 1)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)"))
        #expect(html.contains("José Müller 😀"))
        let withoutContactData = html.replacingOccurrences(of: "http://evil.example", with: "")
        #expect(!withoutContactData.contains("http://"))
        #expect(!withoutContactData.contains("https://"))
        #expect(!html.contains("<link"))
        #expect(!html.contains(" src="))
        #expect(html.contains("default-src 'none'"))
    }

    @Test("The contact table is searchable and capped with a note, while aggregates still cover all")
    func cappedTable() async throws {
        let (summary, html) = try await report(try ReportFixture.renewals(), tableLimit: 2)
        #expect(summary.rows == 2)
        #expect(html.components(separatedBy: "<tr><td class=\"num\">").count - 1 == 2)
        #expect(html.contains("first 2 of 6 contacts; the CSV export has all of them"))
        #expect(html.contains(#"<input id="search""#))
        #expect(html.contains(#"<div class="label">Contacts</div><div class="number">6</div>"#))
        #expect(html.hasSuffix("</html>\n"))
    }
}
