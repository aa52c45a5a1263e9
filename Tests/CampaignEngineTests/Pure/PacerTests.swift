import CampaignStore
import CampaignEngine
import Testing

@Suite("Pacer")
struct PacerTests {
    /// Sends as soon as the pacer allows, `count` times, from time zero; returns the send times.
    func sendTimes(_ pacer: inout Pacer, count: Int, from start: Duration = .zero) -> [Duration] {
        var now = start
        var times: [Duration] = []
        for _ in 0..<count {
            now += pacer.reserve(at: now)
            times.append(now)
        }
        return times
    }

    @Test("10 calls per second are spaced 100 ms apart")
    func evenSpacing() {
        var pacer = Pacer(Pacer.Configuration(rate: 10))
        let times = sendTimes(&pacer, count: 21)
        #expect(times.first == .zero)
        #expect(times.last == .seconds(2))
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(later - earlier == .milliseconds(100))
        }
    }

    @Test("concurrent reservations queue behind each other instead of all going at once")
    func reservationsQueue() {
        var pacer = Pacer(Pacer.Configuration(rate: 4))
        let waits = (0..<4).map { _ in pacer.reserve(at: .zero) }
        #expect(waits == [.zero, .milliseconds(250), .milliseconds(500), .milliseconds(750)])
    }

    @Test("a burst allows that many sends at once after idling, then the steady pace")
    func burst() {
        var pacer = Pacer(Pacer.Configuration(rate: 10, burst: 5))
        let waits = (0..<7).map { _ in pacer.reserve(at: .seconds(10)) }
        #expect(waits.prefix(5).allSatisfy { $0 == .zero })
        #expect(waits[5] == .milliseconds(100))
        #expect(waits[6] == .milliseconds(200))
    }

    @Test("rate 0 never waits until the API pushes back")
    func unlimited() {
        var pacer = Pacer(Pacer.Configuration(rate: 0))
        #expect((0..<1000).allSatisfy { _ in pacer.reserve(at: .milliseconds(5)) == .zero })
        #expect(pacer.currentRate(at: .zero) == nil)
        #expect(!pacer.isThrottled(at: .zero))
    }

    @Test("a 429 cuts the pace multiplicatively, once per burst of 429s, and it recovers additively")
    func aimd() {
        var pacer = Pacer(Pacer.Configuration(rate: 20, decreaseFactor: 0.5, recoveryFraction: 0.1))
        pacer.rateLimited(at: .seconds(10))
        #expect(pacer.currentRate(at: .seconds(10)) == 10)
        #expect(pacer.isThrottled(at: .seconds(10)))
        pacer.rateLimited(at: .milliseconds(10_500))  // same burst: ignored
        #expect(pacer.currentRate(at: .seconds(10)) == 10)
        // Recovery: 10% of the pre-cut 20/s per second, i.e. +2/s each second, up to 95 % of it
        // (19/s, 4.5 s after the cut); then a quarter of that, +0.5/s each second.
        #expect(pacer.currentRate(at: .seconds(12)) == 14)
        #expect(pacer.currentRate(at: .milliseconds(14_500)) == 19)
        #expect(pacer.currentRate(at: .milliseconds(15_500)) == 19.5)
        #expect(pacer.currentRate(at: .seconds(17)) == 20)
        #expect(pacer.currentRate(at: .seconds(60)) == 20)
        #expect(!pacer.isThrottled(at: .seconds(60)))
    }

    @Test("a 429 within Retry-After counts as the same push-back; after it, a new cut")
    func holdOffFollowsRetryAfter() {
        var pacer = Pacer(Pacer.Configuration(rate: 100, decreaseFactor: 0.5, recoveryFraction: 0.001))
        pacer.rateLimited(at: .seconds(1), retryAfter: .seconds(3))
        pacer.rateLimited(at: .seconds(3), retryAfter: .seconds(3))
        let afterFirst = pacer.currentRate(at: .seconds(3)) ?? 0
        #expect(afterFirst > 49 && afterFirst < 51)
        pacer.rateLimited(at: .seconds(5), retryAfter: .seconds(3))
        let afterSecond = pacer.currentRate(at: .seconds(5)) ?? 0
        #expect(afterSecond > 24 && afterSecond < 26)
    }

    @Test("when unlimited, a 429 paces below the pace observed, never below the floor")
    func unlimitedPushBack() {
        var pacer = Pacer(Pacer.Configuration(rate: 0, decreaseFactor: 0.5, recoveryFraction: 0.01, minimumRate: 1))
        // 40 sends per second for three seconds.
        for tick in 0..<120 { _ = pacer.reserve(at: .milliseconds(tick * 25)) }
        pacer.rateLimited(at: .seconds(3))
        let rate = pacer.currentRate(at: .seconds(3)) ?? 0
        #expect(rate >= 19 && rate <= 21)
        #expect(pacer.reserve(at: .seconds(3)) == .zero)
        #expect(pacer.reserve(at: .seconds(3)) > .milliseconds(40))

        var fresh = Pacer(Pacer.Configuration(rate: 0, minimumRate: 1))
        fresh.rateLimited(at: .zero)
        #expect((fresh.currentRate(at: .zero) ?? 0) >= 1)
    }

    @Test("over a simulated minute the pacer sends the configured rate within 1%")
    func longRunAccuracy() {
        var pacer = Pacer(Pacer.Configuration(rate: 10))
        let times = sendTimes(&pacer, count: 10_000)
        let inFirstMinute = times.filter { $0 < .seconds(60) }.count
        #expect(inFirstMinute >= 594 && inFirstMinute <= 606)
    }

    @Test("a learned limit starts the pace at 98 % of it, probing upward slowly; --rate still caps it")
    func learnedLimit() {
        var pacer = Pacer(Pacer.Configuration(rate: 50))
        pacer.startBelow(learnedLimit: 20, at: .zero)
        #expect(pacer.currentRate(at: .zero) == 19.6)
        #expect(pacer.isThrottled(at: .zero))
        // A quarter of 2 % of 20/s per second: +0.1/s each second.
        #expect(abs((pacer.currentRate(at: .seconds(4)) ?? 0) - 20) < 1e-9)
        var capped = Pacer(Pacer.Configuration(rate: 10))
        capped.startBelow(learnedLimit: 20, at: .zero)
        #expect(capped.currentRate(at: .zero) == 10)
        #expect(!capped.isThrottled(at: .zero))
    }
}
