@testable import SQLiteStore
import ArgumentParser
import CampaignStore
import Foundation
import GRDB
import Testing

@testable import VaaniDialerCLI

/// Names, variables, campaign files and command-line arguments written to break things, through the
/// real `vaani-dialer` commands: every value is stored and exported exactly, every bad input is a clear
/// error that names where it is, and nothing in the database changes because of one.
@Suite("Hostile input")
struct HostileInputTests {
    /// Values that would break string-built SQL, shells, format strings, CSV and naive Unicode handling.
    static let hostile = [
        "O'Brien \"The Rock\" McDonald",
        "'); DROP TABLE contacts;--",
        "Robert'); DELETE FROM campaigns WHERE ('1'='1",
        "x\" OR \"1\"=\"1\" --",
        "名前 テスト 🙂👍🏽 e\u{301} \u{200D}\u{202E}txet\u{202C} עברית",
        "back\\slash %s %n %@ {{name}} $(id) `id` ${HOME} \\x00",
        "multi\nline, with a comma; and a \"quote\"",
        "tab\there \u{1}\u{7F}\u{FEFF}bom \u{10FFFF}",
    ]

    static func csvField(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func numbers(_ count: Int) -> [String] { (1...count).map { "+919810" + String(format: "%06d", 5000 + $0) } }

    @Test("names and variables full of quotes and SQL round-trip byte for byte into the store and the export")
    func sqlRoundTrip() async throws {
        try await SafetyDirectory.with { directory in
            let numbers = Self.numbers(Self.hostile.count)
            let hostileHeader = "note\"); DROP TABLE attempts;--"
            var csv = "name,phone," + Self.csvField(hostileHeader) + ",city\n"
            for (index, name) in Self.hostile.enumerated() {
                let note = Self.hostile[(index + 3) % Self.hostile.count]
                csv += [name, numbers[index], note, "Pune'; --"].map(Self.csvField).joined(separator: ",") + "\r\n"
            }
            let csvPath = try directory.write("hostile.csv", csv)
            let database = directory.path("hostile.sqlite")
            let campaignName = "Q'uote \"camp\" ; DROP"
            try await ImportCommand.parse(
                [csvPath, "--campaign", campaignName, "--agent", "agent'; --", "--db", database]
            ).run()

            let store = try CampaignDatabase.open(at: database)
            let campaign = try #require(try store.campaign(named: campaignName))
            #expect(campaign.agentID == "agent'; --")
            let contacts = try store.contacts(ofCampaign: campaign.id)
            #expect(contacts.map(\.name) == Self.hostile)
            #expect(contacts.map(\.phoneE164) == numbers)
            for (index, contact) in contacts.enumerated() {
                #expect(
                    contact.variables.dictionary
                        == [hostileHeader: Self.hostile[(index + 3) % Self.hostile.count], "city": "Pune'; --"]
                )
            }
            let tables = try await store.writer.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
            #expect(Set(tables).isSuperset(of: ["campaigns", "contacts", "attempts"]))

            let report = directory.path("hostile.jsonl")
            try await ExportCommand.parse([campaignName, "--format", "json", "--output", report, "--db", database]).run()
            let lines = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == Self.hostile.count)
            for (index, line) in lines.enumerated() {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(object["name"] as? String == Self.hostile[index])
                #expect(object["contact_number"] as? String == numbers[index])
                let variables = try #require(object["variables"] as? [String: String])
                #expect(variables == [hostileHeader: Self.hostile[(index + 3) % Self.hostile.count], "city": "Pune'; --"])
                // Byte for byte: the UTF-8 of the exported name is the UTF-8 of the imported one.
                #expect(Array((object["name"] as? String ?? "").utf8) == Array(Self.hostile[index].utf8))
            }
        }
    }

    /// A campaign with three contacts and the settings `run` and `plan` start from.
    static func campaign(in directory: SafetyDirectory) async throws -> (path: String, before: [String], settings: CampaignSettings) {
        try directory.write("c.csv", "name,phone\n" + numbers(3).enumerated().map { "P\($0.offset),\($0.element)\n" }.joined())
        let path = directory.path("c.sqlite")
        let imported = try await DialerProcess.run(
            ["import", "c.csv", "--campaign", "safe", "--agent", "demo-agent", "--db", path], in: directory.url
        )
        #expect(imported.status == 0, "\(imported.allOutput)")
        let store = try CampaignDatabase.open(at: path)
        let campaign = try #require(try store.campaign(named: "safe"))
        return (path, try StoreFaultTests.snapshot(store, "safe"), campaign.settings)
    }

    @Test("hostile campaign files: each a clear error with file, line, column and field; the campaign is untouched")
    func campaignFiles() async throws {
        try await SafetyDirectory.with { directory in
            let (path, before, settings) = try await Self.campaign(in: directory)
            let deep = String(repeating: "[", count: 100_000)
            let files: [(name: String, bytes: [UInt8], expected: String)] = [
                ("binary.json", [0x00, 0xFF, 0xFE, 0x41], "binary.json: the file is not UTF-8 text"),
                ("array.json", Array("[1, 2]".utf8), "array.json:1:1: expected a JSON object of settings"),
                ("deep.json", Array(deep.utf8), "deep.json:1:514: not valid JSON"),
                ("truncated.json", Array("{\n  \"rate\": 5,\n  \"days\": ".utf8), "truncated.json:3:11: not valid JSON (Unexpected end of file during JSON parse.)"),
                ("negative.json", Array("{\n  \"rate\": -1\n}".utf8), "negative.json:2:3: rate: must be calls per second ≥ 0 (0 = as fast as allowed), not -1.0"),
                ("hours.json", Array("{\n\n    \"calling_hours\": \"25:00-xx\"}".utf8), "hours.json:3:5: calling_hours: \"25:00-xx\" is not a window like 09:00-21:00"),
                ("days.json", Array("{\"calling_hours\": \"09:00-18:00\",\n \"days\": \"funday\"}".utf8), "days.json:2:2: days: \"funday\" is not a day list like mon-sat or mon,wed,fri"),
                ("zone.json", Array("{\"timezone\": \"Mars/Olympus\"}".utf8), "zone.json:1:2: timezone: \"Mars/Olympus\" is not an IANA time zone like Asia/Kolkata"),
                ("type.json", Array("{\"concurrency\": \"lots\"}".utf8), "type.json:1:2: concurrency: expected a whole number, not \"lots\""),
                ("sql.json", Array("{\"'); DROP TABLE contacts;--\": 1}".utf8), "sql.json:1:2: '); DROP TABLE contacts;--: unknown setting"),
                ("twice.json", Array("{\n  \"rate\": 5,\n  \"rate\": 500\n}".utf8), "twice.json:3:3: rate: appears twice (first on line 2); keep only one"),
                ("inner.json", Array("{\"days\": \"rate\",\n \"rate\": \"x\"}".utf8), "inner.json:2:2: rate: expected a number, not \"x\""),
                ("many.json", Array(("{" + (0..<60_000).map { "\"k\($0)\": 1" }.joined(separator: ",") + "}").utf8), "many.json:1:2: k0: unknown setting"),
                ("huge.json", Array(repeating: UInt8(ascii: " "), count: 2_000_000), "huge.json: 2000000 bytes; a campaign file is at most 1048576 bytes of JSON"),
            ]
            for file in files {
                try Data(file.bytes).write(to: URL(fileURLWithPath: directory.path(file.name)))
                for command in ["plan", "run"] {
                    let result = try await DialerProcess.run(
                        [command, "safe", "--db", path, "--campaign-file", file.name, "--base-url", "http://127.0.0.2:9"],
                        in: directory.url, environment: ["VAANI_API_KEY": "vaani_0123456789abcdef0123456789abcdef"]
                    )
                    #expect(result.status == 64, "\(command) \(file.name): \(result.allOutput)")
                    #expect(result.standardError.hasPrefix("Error: " + file.expected), "\(command) \(file.name): \(result.standardError)")
                }
            }
            for (name, expected) in [
                ("missing.json", "missing.json: cannot read the campaign file: No such file or directory"),
                (".", ".: is a directory, not a campaign file"),
            ] {
                let result = try await DialerProcess.run(["plan", "safe", "--db", path, "--campaign-file", name], in: directory.url)
                #expect(result.status == 64)
                #expect(result.standardError.hasPrefix("Error: " + expected), "\(result.standardError)")
            }
            let store = try CampaignDatabase.open(at: path)
            #expect(try StoreFaultTests.snapshot(store, "safe") == before)
            #expect(try store.campaign(named: "safe")?.settings == settings)
        }
    }

    @Test("hostile arguments: each a clear error naming the option, exit code 64; the campaign is untouched")
    func arguments() async throws {
        try await SafetyDirectory.with { directory in
            let (path, before, settings) = try await Self.campaign(in: directory)
            let cases: [(arguments: [String], expected: String)] = [
                (["--rate=-1"], "--rate: must be calls per second ≥ 0 (0 = as fast as allowed), not -1.0"),
                (["--rate", "-1"], "--rate: must be calls per second ≥ 0 (0 = as fast as allowed), not -1.0"),
                (["--max-active", "-5"], "--max-active: must be"),
                (["--rate", "fast"], "The value 'fast' is invalid for '--rate <rate>'"),
                (["--calling-hours", "25:00-xx"], "--calling-hours: \"25:00-xx\" is not a window like 09:00-21:00"),
                (["--calling-hours", "09:00-18:00", "--days", "funday"], "--days: \"funday\" is not a day list like mon-sat or mon,wed,fri"),
                (["--timezone", "Mars/Olympus"], "--timezone: \"Mars/Olympus\" is not an IANA time zone like Asia/Kolkata"),
                (["--concurrency", "0"], "--concurrency: must be 1 to 10000, not 0"),
                (["--concurrency", "99999999999999999999"], "The value '99999999999999999999' is invalid for '--concurrency <concurrency>'"),
                (["--max-attempts", "0"], "--max-attempts: must be 1 to 100, not 0"),
                (["--retry-delay", "busy=soon"], "--retry-delay busy=soon: soon is not a duration like 30m, 2h or 90s"),
                (["--retry-delay", "'; DROP=1h"], "--retry-delay '; DROP=1h: expected OUTCOME=DURATION"),
                (["--request-timeout", "forever"], "--request-timeout forever: not a duration like 30s, 5m or 2h"),
                (["--outbound-number", "12"], "--outbound-number: must be an E.164 number like +919876543210"),
                (["--log-level", "loud"], "The value 'loud' is invalid for '--log-level <log-level>'"),
            ]
            for item in cases {
                for command in ["plan", "run"] {
                    let result = try await DialerProcess.run(
                        [command, "safe", "--db", path, "--base-url", "http://127.0.0.2:9"] + item.arguments,
                        in: directory.url, environment: ["VAANI_API_KEY": "vaani_0123456789abcdef0123456789abcdef"]
                    )
                    #expect(result.status == 64, "\(command) \(item.arguments): \(result.allOutput)")
                    #expect(
                        result.standardError.hasPrefix("Error: " + item.expected),
                        "\(command) \(item.arguments): \(result.standardError)"
                    )
                }
            }
            let unknown = try await DialerProcess.run(
                ["run", "no'; such", "--db", path], in: directory.url, environment: ["VAANI_API_KEY": "vaani_0123456789abcdef0123456789abcdef"]
            )
            #expect(unknown.status == 64)
            #expect(unknown.standardError.hasPrefix("Error: No campaign named \"no'; such\" in \(path). Import contacts first."))
            let store = try CampaignDatabase.open(at: path)
            #expect(try StoreFaultTests.snapshot(store, "safe") == before)
            #expect(try store.campaign(named: "safe")?.settings == settings)
        }
    }
}
