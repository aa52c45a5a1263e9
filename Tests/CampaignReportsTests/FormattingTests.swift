import Foundation
import Testing

@testable import CampaignReports
import HTMLFormat

@Suite("Formatting")
struct FormattingTests {
    @Test("Timestamps match Foundation's ISO 8601 formatter", arguments: [
        Int64(0), 1_780_000_000_123, 951_782_400_000, 4_102_444_799_999, -1, -86_400_001, 1_709_164_800_000,
    ])
    func timestamps(milliseconds: Int64) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let expected = formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
        #expect(Timestamp.iso8601(epochMilliseconds: milliseconds) == expected)
    }

    @Test("JSON strings escape quotes, control characters and line separators")
    func jsonStrings() throws {
        let text = "a\"b\\c\n\t\u{01}\u{2028}é😀"
        var buffer: [UInt8] = []
        JSONText.appendString(text, to: &buffer)
        let encoded = String(decoding: buffer, as: UTF8.self)
        #expect(encoded == #""a\"b\\c\n\t\u0001\u2028é😀""#)
        let decoded = try JSONSerialization.jsonObject(with: Data(buffer), options: [.fragmentsAllowed]) as? String
        #expect(decoded == text)
    }

    @Test("HTML escaping leaves no markup")
    func html() {
        #expect(HTMLText.escape(#"<script>alert("x&'y")</script>"#)
            == "&lt;script&gt;alert(&quot;x&amp;&#39;y&quot;)&lt;/script&gt;")
        #expect(HTMLText.escape("plain") == "plain")
    }

    @Test("Report numbers group thousands")
    func numbers() {
        #expect(ReportNumber.grouped(0) == "0")
        #expect(ReportNumber.grouped(1_000_000) == "1,000,000")
        #expect(ReportNumber.grouped(-12_345) == "-12,345")
        #expect(ReportNumber.grouped(1234.567, decimals: 2) == "1,234.57")
        #expect(ReportNumber.grouped(0.05, decimals: 1) == "0.1")
        #expect(ReportNumber.percent(1.0 / 3) == "33.3%")
        #expect(ReportNumber.percent(nil) == "–")
        #expect(CampaignReporter.seconds(milliseconds: 83_412) == "83.412")
        #expect(CampaignReporter.seconds(milliseconds: 90_000) == "90")
        #expect(CampaignReporter.seconds(milliseconds: 1_050) == "1.05")
        #expect(CampaignReporter.seconds(milliseconds: 7) == "0.007")
    }

    @Test("Chart axes end on round numbers")
    func niceCeiling() {
        #expect(SVGChart.niceCeiling(0) == 1)
        #expect(SVGChart.niceCeiling(7) == 10)
        #expect(SVGChart.niceCeiling(10) == 10)
        #expect(SVGChart.niceCeiling(11) == 20)
        #expect(SVGChart.niceCeiling(230) == 250)
        #expect(SVGChart.niceCeiling(0.3) == 0.5)
    }

    @Test("Shell words are quoted only when needed")
    func shellWords() {
        #expect(ShellWord.quoted("renewals-2026") == "renewals-2026")
        #expect(ShellWord.quoted("spring sale") == "'spring sale'")
        #expect(ShellWord.quoted("it's") == #"'it'\''s'"#)
        #expect(ShellWord.quoted("$(rm -rf ~)") == "'$(rm -rf ~)'")
    }
}
