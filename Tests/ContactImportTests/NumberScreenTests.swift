@testable import SQLiteStore
import CampaignStore
import ContactImport
import Foundation
import PhoneNumbers
import Testing

/// One number checked as an import checks a row: valid, invalid with the reason, or on a do-not-call list.
@Suite("NumberScreen")
struct NumberScreenTests {
    @Test("valid numbers come back in E.164; invalid ones with the import's reason")
    func validation() async throws {
        let screen = NumberScreen(store: nil)
        guard case .callable(let number) = try await screen.check("098765 43210", defaultRegion: "in") else {
            Issue.record("098765 43210 in IN was refused")
            return
        }
        #expect(number.e164 == "+919876543210")
        guard case .invalid(let reason) = try await screen.check("12345", defaultRegion: "IN") else {
            Issue.record("12345 was accepted")
            return
        }
        #expect(!reason.isEmpty)
        await #expect(throws: ContactImportError.self) { try await screen.check("9876543210", defaultRegion: "XX") }
    }

    @Test("the database's do-not-call list and a do-not-call file both refuse a number")
    func doNotCall() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try CampaignDatabase.open(at: directory.path("dialer.sqlite"))
        try database.suppress([SuppressionEntry(phoneE164: "+919876543210", reason: "do-not-call list", source: "optout.txt")])
        try "phone\n+14155550100\n".write(toFile: directory.path("dnc.csv"), atomically: true, encoding: .utf8)
        let screen = NumberScreen(store: database, doNotCallFile: directory.path("dnc.csv"))

        #expect(try await screen.check("+91 98765 43210", defaultRegion: nil)
            == .doNotCall(e164: "+919876543210", reason: "on the do-not-call list (do-not-call list, from optout.txt)"))
        #expect(try await screen.check("(415) 555-0100", defaultRegion: "US")
            == .doNotCall(e164: "+14155550100", reason: "listed in the do-not-call file \(directory.path("dnc.csv"))"))
        guard case .callable(let number) = try await screen.check("+919812345678", defaultRegion: nil) else {
            Issue.record("a number on no list was refused")
            return
        }
        #expect(number.e164 == "+919812345678")
    }
}
