import Testing

@testable import VaaniAPI

/// A generator that always draws the largest value, so jittered delays are at their bound.
private struct MaximumGenerator: RandomNumberGenerator {
    mutating func next() -> UInt64 { .max }
}

@Suite("Retry schedule")
struct RetryScheduleTests {
    private let policy = RetryPolicy(maxAttempts: 4, initialBackoff: .milliseconds(100), maxBackoff: .milliseconds(250))

    private func error(_ kind: VaaniError.Kind, sent: Bool = true, retryAfter: Duration? = nil) -> VaaniError {
        VaaniError(kind: kind, message: "test", retryAfter: retryAfter, requestMayHaveBeenSent: sent)
    }

    @Test("Reads retry on 429, 5xx and connection failures, with a capped exponential bound")
    func readsRetry() {
        var random = MaximumGenerator()
        var schedule = RetrySchedule(policy: policy, safety: .idempotent)
        #expect(schedule.next(after: error(.server), using: &random) == .retry(after: .milliseconds(100)))
        #expect(schedule.next(after: error(.rateLimited), using: &random) == .retry(after: .milliseconds(200)))
        #expect(schedule.next(after: error(.connection), using: &random) == .retry(after: .milliseconds(250)))
        #expect(schedule.next(after: error(.server), using: &random) == .fail)
        #expect(schedule.attempts == 4)
    }

    @Test("Reads do not retry client errors or timeouts", arguments: [
        VaaniError.Kind.authentication, .insufficientBalance, .forbidden, .notFound, .validation, .timeout, .unexpected,
    ])
    func readsDoNotRetry(kind: VaaniError.Kind) {
        var random = SystemRandomNumberGenerator()
        var schedule = RetrySchedule(policy: policy, safety: .idempotent)
        #expect(schedule.next(after: error(kind), using: &random) == .fail)
    }

    @Test("Writes never retry an ambiguous failure")
    func writesDoNotRetryAmbiguous() {
        var random = SystemRandomNumberGenerator()
        for failure in [error(.server), error(.timeout), error(.connection, sent: true)] {
            var schedule = RetrySchedule(policy: policy, safety: .write)
            #expect(schedule.next(after: failure, using: &random) == .fail)
            #expect(failure.isOutcomeUnknown)
        }
    }

    @Test("Writes retry a 429 and an unsent request only when the policy allows")
    func writesRetrySafeFailures() {
        var random = SystemRandomNumberGenerator()
        var schedule = RetrySchedule(policy: policy, safety: .write)
        #expect(schedule.next(after: error(.rateLimited), using: &random) != .fail)
        #expect(schedule.next(after: error(.connection, sent: false), using: &random) != .fail)

        var strict = policy
        strict.retriesWritesWhenRateLimited = false
        strict.retriesWritesWhenNotSent = false
        var strictSchedule = RetrySchedule(policy: strict, safety: .write)
        #expect(strictSchedule.next(after: error(.rateLimited), using: &random) == .fail)
        #expect(strictSchedule.next(after: error(.connection, sent: false), using: &random) == .fail)
    }

    @Test("Retry-After is a floor under the jittered delay, and too long a one is not waited out")
    func retryAfterFloor() {
        var random = SystemRandomNumberGenerator()
        var schedule = RetrySchedule(policy: policy, safety: .idempotent)
        #expect(schedule.next(after: error(.rateLimited, retryAfter: .seconds(3)), using: &random) == .retry(after: .seconds(3)))
        var capped = policy
        capped.maxRetryAfter = .seconds(2)
        var cappedSchedule = RetrySchedule(policy: capped, safety: .idempotent)
        #expect(cappedSchedule.next(after: error(.rateLimited, retryAfter: .seconds(3)), using: &random) == .fail)
    }

    @Test("The never policy makes a single attempt")
    func neverPolicy() {
        var random = SystemRandomNumberGenerator()
        var schedule = RetrySchedule(policy: .never, safety: .idempotent)
        #expect(schedule.next(after: error(.server), using: &random) == .fail)
    }
}
