import Testing

@testable import Webhooks

@Suite("Retry schedule")
struct RetryScheduleTests {
    @Test("The standard schedule: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h")
    func standard() throws {
        let schedule = RetrySchedule.standard
        #expect(
            schedule.delays == [
                .zero, .seconds(5), .seconds(300), .seconds(1800), .seconds(7200), .seconds(18_000), .seconds(36_000),
                .seconds(36_000),
            ]
        )
        #expect(schedule.attemptCount == 8)
        #expect(schedule.text == "0s,5s,5m,30m,2h,5h,10h,10h")
        #expect(try RetrySchedule(parsing: schedule.text) == schedule)
    }

    @Test("Jitter moves each delay by at most its fraction either way, never the first attempt")
    func jitter() {
        let schedule = RetrySchedule.standard
        var low = ConstantGenerator(value: .min)
        var high = ConstantGenerator(value: .max)
        #expect(schedule.delay(beforeAttempt: 1, using: &high) == .zero)
        #expect(schedule.delay(beforeAttempt: 2, using: &low) == .milliseconds(4500))
        let upper = schedule.delay(beforeAttempt: 3, using: &high)!
        #expect(upper > .seconds(329) && upper <= .seconds(330))
        var random = SeededGenerator(seed: 5)
        var seen: Set<Duration> = []
        for _ in 0..<200 {
            let delay = schedule.delay(beforeAttempt: 4, using: &random)!
            #expect(delay >= .seconds(1620) && delay <= .seconds(1980))
            seen.insert(delay)
        }
        #expect(seen.count > 150)
        var none = SeededGenerator(seed: 1)
        #expect(schedule.withJitter(0).delay(beforeAttempt: 5, using: &none) == .seconds(7200))
        #expect(RetrySchedule(delays: [.zero], jitter: 7).jitter == 0.5)
    }

    @Test("There is no attempt before the first or after the last")
    func exhausted() {
        var random = SeededGenerator(seed: 2)
        #expect(RetrySchedule.standard.delay(beforeAttempt: 9, using: &random) == nil)
        #expect(RetrySchedule.standard.delay(beforeAttempt: 0, using: &random) == nil)
    }

    @Test("A user schedule parses, with spaces, compound and decimal units")
    func parses() throws {
        let schedule = try RetrySchedule(parsing: "0s, 5s,1m ,1h30m,500ms,1.5h,2d,90min")
        #expect(
            schedule.delays == [
                .zero, .seconds(5), .seconds(60), .seconds(5400), .milliseconds(500), .seconds(5400), .seconds(172_800),
                .seconds(5400),
            ]
        )
        #expect(schedule.text == "0s,5s,1m,90m,500ms,90m,2d,90m")
        #expect(try RetrySchedule(parsing: "0s").attemptCount == 1)
    }

    @Test(
        "Errors say which item is wrong and what is expected",
        arguments: [
            ("", "the retry schedule is empty"),
            ("0s,5s,,1m", "item 3 of the retry schedule is empty"),
            ("0s,5s,", "item 3 of the retry schedule is empty"),
            ("0s,5x,1m", #"item 2 of the retry schedule, "5x", is not a delay"#),
            ("0s,5,1m", #"item 2 of the retry schedule, "5", is not a delay"#),
            ("0s,1m,-5s", #"item 3 of the retry schedule, "-5s", is not a delay"#),
            ("0s,1m,s", #"item 3 of the retry schedule, "s", is not a delay"#),
            ("5s,1m", #"item 1 of the retry schedule, "5s", must be 0s"#),
            ("0s,8d", #"item 2 of the retry schedule, "8d", is longer than the 7 days"#),
            (Array(repeating: "1s", count: 51).joined(separator: ","), "has 51 items; at most 50"),
        ]
    )
    func refuses(text: String, complaint: String) {
        let error = #expect(throws: WebhookError.self) { try RetrySchedule(parsing: text) }
        #expect(error == .invalidRetrySchedule)
        #expect(error?.message.contains(complaint) == true, "\(error?.message ?? "")")
    }
}
