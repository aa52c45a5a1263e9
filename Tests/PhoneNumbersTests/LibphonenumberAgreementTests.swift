import Foundation
import PhoneNumbers
import Testing

/// Every verdict in `Fixtures/libphonenumber-verdicts.tsv` (written by
/// `scripts/generate-phone-metadata.py` from the `phonenumbers` package) must be reproduced exactly:
/// validity, E.164, region, type and time zones, for example numbers of every region and mutations
/// of them, in E.164, international, national and IDD-prefixed forms.
@Suite("Agreement with libphonenumber")
struct LibphonenumberAgreementTests {
    struct Entry: Sendable {
        let line: Int
        let input: String
        let region: String?
        /// `invalid`, or E.164, region, type and time zones joined by tabs.
        let verdict: String
    }

    static func loadFixture() throws -> [Entry] {
        let url = try #require(
            Bundle.module.url(forResource: "libphonenumber-verdicts", withExtension: "tsv", subdirectory: "Fixtures")
        )
        let text = try String(contentsOf: url, encoding: .utf8)
        var entries: [Entry] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty && !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else { throw FixtureError(line: index + 1) }
            entries.append(Entry(
                line: index + 1,
                input: fields[0],
                region: fields[1].isEmpty ? nil : fields[1],
                verdict: fields[2...].joined(separator: "\t")
            ))
        }
        return entries
    }

    struct FixtureError: Error, CustomStringConvertible {
        let line: Int
        var description: String { "libphonenumber-verdicts.tsv line \(line): expected at least 3 tab-separated fields" }
    }

    @Test func everyVerdictMatches() throws {
        let entries = try Self.loadFixture()
        #expect(entries.count > 30_000)
        #expect(entries.filter { $0.verdict != "invalid" }.count > 10_000)
        let parser = PhoneNumberParser()
        var mismatches: [String] = []
        for entry in entries {
            let verdict: String
            switch parser.parse(entry.input, defaultRegion: entry.region) {
            case .success(let number):
                verdict = [
                    number.e164, number.regionCode ?? "001", number.type?.rawValue ?? "unknown",
                    parser.timeZones(for: number).joined(separator: ","),
                ].joined(separator: "\t")
            case .failure:
                verdict = "invalid"
            }
            if verdict != entry.verdict {
                mismatches.append("line \(entry.line): \(entry.input) [\(entry.region ?? "-")] expected \(entry.verdict), got \(verdict)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(20).joined(separator: "\n"))")
    }

    @Test func fastPathAgreesOnEveryE164Entry() throws {
        let parser = PhoneNumberParser()
        var checked = 0
        for entry in try Self.loadFixture() where entry.region == nil && entry.input.hasPrefix("+") {
            guard entry.input.utf8.dropFirst().allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
                continue
            }
            checked += 1
            #expect(parser.isValidE164(entry.input) == (entry.verdict != "invalid"), "line \(entry.line): \(entry.input)")
        }
        #expect(checked > 15_000)
    }
}
