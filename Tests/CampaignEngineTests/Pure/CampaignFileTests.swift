import CampaignStore
import CampaignEngine
import Foundation
import Testing

@Suite("Campaign file")
struct CampaignFileTests {
    func parse(_ text: String) throws -> SettingsOverrides {
        try CampaignFile.parse(Data(text.utf8), source: "campaigns/renewals.json")
    }

    func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("every setting is read and applied")
    func fullFile() throws {
        let overrides = try parse(
            """
            {
              "concurrency": 32, "max_active": 100, "rate": 12.5, "max_attempts": 4,
              "retry_delay": {"no_answer": "45m", "busy": 600, "voicemail": "never"},
              "calling_hours": "09:00-21:00", "days": "mon-sat", "timezone": "Asia/Kolkata",
              "outbound_number": "+918000000000", "test_mode": true, "request_timeout": "20s",
              "call_timeout": "1h", "poll_interval": "500ms", "wait_for_balance": "10m"
            }
            """
        )
        let settings = try EngineConfiguration().applying(overrides)
        #expect(settings.concurrency == 32)
        #expect(settings.maxActive == 100)
        #expect(settings.rate == 12.5)
        #expect(settings.redial.maxAttempts == 4)
        #expect(settings.redial.delays[.noAnswer] == .seconds(2700))
        #expect(settings.redial.delays[.busy] == .seconds(600))
        #expect(settings.redial.delays[.voicemail] == nil)
        #expect(settings.redial.delays[.failed] == .seconds(7200))
        #expect(settings.callingHours?.hoursDescription == "09:00-21:00")
        #expect(settings.callingHours?.days.count == 6)
        #expect(settings.defaultTimeZone?.identifier == "Asia/Kolkata")
        #expect(settings.outboundNumber == "+918000000000")
        #expect(settings.testMode)
        #expect(settings.requestTimeout == .seconds(20))
        #expect(settings.callTimeout == .seconds(3600))
        #expect(settings.pollInterval == .milliseconds(500))
        #expect(settings.waitForBalance == .seconds(600))
    }

    @Test("the example campaign file the README documents is valid")
    func exampleFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let overrides = try CampaignFile.load(path: root.appendingPathComponent("campaigns/example.json").path)
        let settings = try EngineConfiguration().applying(overrides)
        #expect(settings.rate == 5)
        #expect(settings.redial.maxAttempts == 3)
        #expect(settings.redial.delays[.voicemail] == nil)
        #expect(settings.callingHours?.hoursDescription == "09:00-21:00")
        #expect(settings.waitForBalance == .seconds(7200))
    }

    @Test("an empty object changes nothing; calling_hours none removes the window")
    func emptyAndNone() throws {
        #expect(try parse("{}").isEmpty)
        var base = EngineConfiguration()
        base.callingHours = try CallingHours(parsingHours: "09:00-17:00")
        #expect(try base.applying(parse(#"{"calling_hours": "none"}"#)).callingHours == nil)
        let days = try base.applying(parse(#"{"days": "sat,sun"}"#))
        #expect(days.callingHours?.hoursDescription == "09:00-17:00")
        #expect(days.callingHours?.days == [.saturday, .sunday])
    }

    @Test("errors name the file, line, column and field", arguments: [
        ("{\n  \"rate\": \"fast\"\n}", "campaigns/renewals.json:2:3: rate: expected a number, not \"fast\""),
        ("{\n  \"concurency\": 4\n}",
         "campaigns/renewals.json:2:3: concurency: unknown setting; expected one of concurrency, max_active, rate, max_attempts, retry_delay, calling_hours, days, timezone, outbound_number, test_mode, request_timeout, call_timeout, poll_interval, wait_for_balance"),
        ("{\"concurrency\": 0}", "campaigns/renewals.json:1:2: concurrency: must be 1 to 10000, not 0"),
        ("{\"concurrency\": 2.5}", "campaigns/renewals.json:1:2: concurrency: expected a whole number, not 2.5"),
        ("{\"test_mode\": 1}", "campaigns/renewals.json:1:2: test_mode: expected true or false, not 1"),
        ("{\"max_attempts\": true}", "campaigns/renewals.json:1:2: max_attempts: expected a whole number, not true"),
        ("{\n\"retry_delay\": {\n  \"busy\": \"soon\"}}", "campaigns/renewals.json:3:3: retry_delay.busy: expected a duration like 90s, 30m or 2h, not \"soon\""),
        ("{\"retry_delay\": {\"answered\": \"1h\"}}", "campaigns/renewals.json:1:18: retry_delay.answered: unknown outcome; expected no_answer, busy, failed or voicemail"),
        ("{\"timezone\": \"Mars/Olympus\"}", "campaigns/renewals.json:1:2: timezone: \"Mars/Olympus\" is not an IANA time zone like Asia/Kolkata"),
        ("{\"calling_hours\": \"9am-5pm\"}", "campaigns/renewals.json:1:2: calling_hours: \"9am-5pm\" is not a window like 09:00-21:00"),
        ("{\"outbound_number\": \"12345\"}", "campaigns/renewals.json:1:2: outbound_number: must be an E.164 number like +919876543210"),
        ("[1, 2]", "campaigns/renewals.json:1:1: expected a JSON object of settings"),
    ])
    func errors(text: String, message: String) {
        #expect(error(text) == message)
    }

    @Test("a syntax error points at its line")
    func syntaxError() {
        let message = error("{\n  \"rate\": 10,\n  \"days\": \n}") ?? ""
        #expect(message.hasPrefix("campaigns/renewals.json:4:"))
        #expect(message.contains("not valid JSON"))
        #expect(error("") != nil)
        #expect(error("\u{FF}\u{FE}") != nil)
    }

    @Test("a missing file says so")
    func missingFile() {
        #expect(throws: CampaignSettingsError.self) { try CampaignFile.load(path: "/nonexistent/campaign.json") }
    }

    @Test("durations parse in every documented form", arguments: [
        ("90", Duration.seconds(90)), ("90s", .seconds(90)), ("30m", .seconds(1800)), ("2h", .seconds(7200)),
        ("1h30m", .seconds(5400)), ("500ms", .milliseconds(500)), ("1d", .seconds(86_400)), ("0.5s", .milliseconds(500)),
    ])
    func durations(text: String, duration: Duration) {
        #expect(Duration.parse(text) == duration)
    }

    @Test("bad durations are refused", arguments: ["", "-5", "5x", "m5", "1h-3m", "nan", "1e99"])
    func badDurations(text: String) {
        #expect(Duration.parse(text) == nil)
    }
}
