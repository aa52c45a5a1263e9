import CampaignStore
import CampaignEngine
import Testing

/// The send schedule with many requests waiting at once, driven in virtual time with no I/O: each
/// request asks for its slot, sleeps until the instant it is told, and asks again.
@Suite("Send schedule")
struct SendScheduleTests {
    typealias Instant = ManualClock.Instant

    /// Runs `requests` waiting requests through `schedule` from time zero, with a 429 arriving at
    /// `rateLimitAt` (pausing everyone for `pause`); returns the send instants in order.
    static func sendTimes(
        requests: Int,
        rate: Double,
        rateLimitAt: Duration? = nil,
        pause: Duration = .seconds(1)
    ) -> [Duration] {
        var schedule = SendSchedule(pacer: Pacer(Pacer.Configuration(rate: rate)), origin: Instant(offset: .zero))
        // Each waiting request: when it next asks, and its ticket.
        var waiting: [(askAt: Duration, ticket: SendSchedule<Instant>.Ticket?)] = Array(
            repeating: (.zero, nil),
            count: requests
        )
        var sends: [Duration] = []
        var limited = rateLimitAt == nil
        while !waiting.isEmpty {
            // The next request to wake, in time order (ties in arrival order).
            let index = waiting.indices.min { waiting[$0].askAt < waiting[$1].askAt }!
            let now = waiting[index].askAt
            if !limited, let at = rateLimitAt, at <= now {
                limited = true
                let instant = Instant(offset: at)
                schedule.rateLimited(now: instant, retryAfter: pause, pauseUntil: instant.advanced(by: pause))
                continue
            }
            var ticket = waiting[index].ticket
            switch schedule.admit(now: Instant(offset: now), ticket: &ticket) {
            case .send:
                sends.append(now)
                waiting.remove(at: index)
            case .wait(let until):
                #expect(until.offset > now, "told to wait until a past instant")
                waiting[index] = (until.offset, ticket)
            }
        }
        return sends
    }

    @Test("waiting requests go out one slot apart, however many there are", arguments: [8, 16, 64, 256])
    func evenlySpaced(requests: Int) {
        let sends = Self.sendTimes(requests: requests, rate: 20)
        #expect(sends.count == requests)
        for (earlier, later) in zip(sends, sends.dropFirst()) {
            #expect(later - earlier == .milliseconds(50))
        }
    }

    @Test("no burst follows a 429 pause: the pace restarts at its end from the reduced rate", arguments: [8, 16, 64, 256])
    func noBurstAfterPause(requests: Int) {
        let limitAt = Duration.milliseconds(220)
        let sends = Self.sendTimes(requests: requests, rate: 20, rateLimitAt: limitAt, pause: .seconds(2))
        #expect(sends.count == requests)
        // Nothing is sent during the pause.
        #expect(!sends.contains { $0 > limitAt && $0 < limitAt + .seconds(2) })
        // After it, the first send is at the pause's end, and each one after it at least one slot of
        // the cut pace (20 × 0.85 = 17/s, regaining 2 % of 20/s each second since the 429) later: no
        // two sends closer than the configured pace allows, and the first gaps wider than that.
        let after = sends.filter { $0 >= limitAt + .seconds(2) }
        #expect(after.first == limitAt + .seconds(2))
        let gaps = zip(after, after.dropFirst()).map { $1 - $0 }
        #expect(gaps.allSatisfy { $0 >= .milliseconds(50) }, "gaps \(gaps.filter { $0 < .milliseconds(50) })")
        if let first = gaps.first {
            #expect(first > .milliseconds(55) && first < .milliseconds(58), "first gap \(first)")
        }
        // In any second after the pause, at most the configured 20 sends.
        for start in after {
            #expect(after.filter { $0 >= start && $0 < start + .seconds(1) }.count <= 20)
        }
    }

    @Test("a ticket from before a pause is void; one taken after it is honoured")
    func ticketsAndPauses() {
        var schedule = SendSchedule(pacer: Pacer(Pacer.Configuration(rate: 10)), origin: Instant(offset: .zero))
        var first: SendSchedule<Instant>.Ticket?
        var second: SendSchedule<Instant>.Ticket?
        #expect(schedule.admit(now: Instant(offset: .zero), ticket: &first) == .send)
        #expect(schedule.admit(now: Instant(offset: .zero), ticket: &second) == .wait(until: Instant(offset: .milliseconds(100))))
        schedule.pause(until: Instant(offset: .seconds(1)))
        #expect(schedule.pausedUntil(now: Instant(offset: .milliseconds(100))) == Instant(offset: .seconds(1)))
        #expect(schedule.admit(now: Instant(offset: .milliseconds(100)), ticket: &second) == .wait(until: Instant(offset: .seconds(1))))
        #expect(second == nil)
        #expect(schedule.admit(now: Instant(offset: .seconds(1)), ticket: &second) == .send)
        var third: SendSchedule<Instant>.Ticket?
        #expect(schedule.admit(now: Instant(offset: .seconds(1)), ticket: &third) == .wait(until: Instant(offset: .milliseconds(1100))))
        // A shorter pause does not shorten the current one, nor void tickets.
        schedule.pause(until: Instant(offset: .milliseconds(500)))
        #expect(schedule.admit(now: Instant(offset: .milliseconds(1100)), ticket: &third) == .send)
    }

    @Test("unlimited pace sends at once until a 429, then paces from the observed rate")
    func unlimitedThenLimited() {
        var schedule = SendSchedule(pacer: Pacer(Pacer.Configuration(rate: 0)), origin: Instant(offset: .zero))
        var ticket: SendSchedule<Instant>.Ticket?
        for step in 0..<100 {
            #expect(schedule.admit(now: Instant(offset: .milliseconds(step * 10)), ticket: &ticket) == .send)
        }
        #expect(schedule.currentRate(now: Instant(offset: .seconds(1))) == nil)
        schedule.rateLimited(now: Instant(offset: .seconds(1)), retryAfter: nil, pauseUntil: Instant(offset: .seconds(2)))
        #expect(schedule.currentRate(now: Instant(offset: .seconds(1))) != nil)
        var a: SendSchedule<Instant>.Ticket?
        var b: SendSchedule<Instant>.Ticket?
        #expect(schedule.admit(now: Instant(offset: .seconds(2)), ticket: &a) == .send)
        guard case .wait(let until) = schedule.admit(now: Instant(offset: .seconds(2)), ticket: &b) else {
            Issue.record("the second send after the pause was not paced")
            return
        }
        #expect(until > Instant(offset: .seconds(2)))
    }

    @Test("a poll goes at once while the pace is not cut, and takes a slot like a trigger while it is")
    func pollsAndTheLimit() {
        var schedule = SendSchedule(pacer: Pacer(Pacer.Configuration(rate: 10)), origin: Instant(offset: .zero))
        var trigger: SendSchedule<Instant>.Ticket?
        #expect(schedule.admit(now: Instant(offset: .zero), ticket: &trigger) == .send)
        var poll: SendSchedule<Instant>.Ticket?
        #expect(schedule.admit(now: Instant(offset: .zero), ticket: &poll, kind: .poll) == .send)
        // The poll did not take the next trigger's slot.
        #expect(schedule.admit(now: Instant(offset: .zero), ticket: &trigger) == .wait(until: Instant(offset: .milliseconds(100))))
        schedule.rateLimited(now: Instant(offset: .seconds(1)), retryAfter: nil, pauseUntil: Instant(offset: .seconds(2)))
        #expect(schedule.admit(now: Instant(offset: .milliseconds(1500)), ticket: &poll, kind: .poll) == .wait(until: Instant(offset: .seconds(2))))
        var first: SendSchedule<Instant>.Ticket?
        #expect(schedule.admit(now: Instant(offset: .seconds(2)), ticket: &first) == .send)
        guard case .wait(let until) = schedule.admit(now: Instant(offset: .seconds(2)), ticket: &poll, kind: .poll) else {
            Issue.record("a poll under a cut pace was not paced")
            return
        }
        #expect(until > Instant(offset: .seconds(2)))
    }
}
