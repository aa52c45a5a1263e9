/// The retry decisions for one request, as a value-type state machine: feed it each failure, do what
/// the returned action says. It performs no I/O and draws randomness from the generator it is given.
struct RetrySchedule {
    /// What to do after a failure.
    enum Action: Equatable {
        /// Wait this long, then send the request again.
        case retry(after: Duration)
        /// Give up and throw the error.
        case fail
    }

    /// Whether the request can be repeated without repeating its effect.
    enum Safety {
        /// A read (GET): safe to repeat whatever happened.
        case idempotent
        /// A write: repeated only when the server certainly did not act on it.
        case write
    }

    let policy: RetryPolicy
    let safety: Safety
    /// Attempts made so far, the first included.
    private(set) var attempts = 1

    init(policy: RetryPolicy, safety: Safety) {
        self.policy = policy
        self.safety = safety
    }

    /// Decides what to do after the current attempt failed with `error`.
    /// - Parameters:
    ///   - error: The failure of the attempt.
    ///   - random: The source of the jitter.
    mutating func next(after error: VaaniError, using random: inout some RandomNumberGenerator) -> Action {
        guard attempts < policy.maxAttempts, isRetryable(error) else { return .fail }
        if let retryAfter = error.retryAfter, retryAfter > policy.maxRetryAfter { return .fail }
        let delay = max(jitteredBackoff(using: &random), error.retryAfter ?? .zero)
        attempts += 1
        return .retry(after: delay)
    }

    private func isRetryable(_ error: VaaniError) -> Bool {
        switch (safety, error.kind) {
        case (.idempotent, .rateLimited), (.idempotent, .server), (.idempotent, .connection):
            return true
        case (.write, .rateLimited):
            return policy.retriesWritesWhenRateLimited
        case (.write, .connection):
            return policy.retriesWritesWhenNotSent && !error.requestMayHaveBeenSent
        default:
            return false
        }
    }

    /// A uniformly random delay between zero and `min(maxBackoff, initialBackoff × 2^(retries so far))`.
    private func jitteredBackoff(using random: inout some RandomNumberGenerator) -> Duration {
        let exponent = min(attempts - 1, 30)
        let bound = min(policy.maxBackoff, policy.initialBackoff * (1 << exponent))
        let boundNanoseconds = bound.nanoseconds
        guard boundNanoseconds > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...boundNanoseconds, using: &random))
    }
}

extension Duration {
    /// The duration in whole nanoseconds, saturating at `Int64.max`.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .max }
        let (sum, overflow2) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflow2 ? .max : sum
    }
}
