import CampaignStore
import CampaignEngine
import Testing

@Suite("Backoff")
struct BackoffTests {
    @Test("the jitter ceiling doubles per failure up to the cap")
    func ceilings() {
        let backoff = Backoff(base: .milliseconds(100), cap: .seconds(1))
        #expect(backoff.ceiling(failures: 0) == .milliseconds(100))
        #expect(backoff.ceiling(failures: 1) == .milliseconds(100))
        #expect(backoff.ceiling(failures: 2) == .milliseconds(200))
        #expect(backoff.ceiling(failures: 4) == .milliseconds(800))
        #expect(backoff.ceiling(failures: 5) == .seconds(1))
        #expect(backoff.ceiling(failures: 10_000) == .seconds(1))
    }

    @Test("delays stay within Retry-After plus the ceiling and are spread out")
    func fullJitter() {
        let backoff = Backoff(base: .milliseconds(100), cap: .seconds(2))
        var generator = SeededGenerator(seed: 42)
        let delays = (0..<500).map { _ in backoff.delay(failures: 3, retryAfter: .seconds(1), using: &generator) }
        #expect(delays.allSatisfy { $0 >= .seconds(1) && $0 <= .milliseconds(1400) })
        #expect(Set(delays).count > 100)
        #expect(delays.contains { $0 < .milliseconds(1100) })
        #expect(delays.contains { $0 > .milliseconds(1300) })
    }

    @Test("the same seed gives the same delays")
    func deterministic() {
        let backoff = Backoff()
        var first = SeededGenerator(seed: 7), second = SeededGenerator(seed: 7)
        #expect(backoff.delay(failures: 6, using: &first) == backoff.delay(failures: 6, using: &second))
    }
}
