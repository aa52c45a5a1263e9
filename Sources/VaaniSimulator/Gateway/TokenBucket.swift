/// A token bucket: `rate` tokens per second refill a bucket of `capacity`; each request takes one.
/// A plain value type driven by the caller's clock readings, so it is tested without sleeping.
struct TokenBucket: Sendable, Equatable {
    /// What the bucket says about one request.
    enum Decision: Sendable, Equatable {
        case allow
        /// Over the limit: a token is available again after this many nanoseconds.
        case reject(retryAfterNanos: Int64)
    }

    let rate: Double
    let capacity: Double
    private var tokens: Double
    private var lastRefillNanos: Int64

    init(rate: Double, capacity: Int, nowNanos: Int64) {
        self.rate = rate
        self.capacity = Double(max(1, capacity))
        self.tokens = self.capacity
        self.lastRefillNanos = nowNanos
    }

    /// Takes a token if there is one.
    mutating func take(atNanos now: Int64) -> Decision {
        if now > lastRefillNanos {
            tokens = min(capacity, tokens + Double(now - lastRefillNanos) / 1e9 * rate)
            lastRefillNanos = now
        }
        if tokens >= 1 {
            tokens -= 1
            return .allow
        }
        return .reject(retryAfterNanos: Int64(((1 - tokens) / rate * 1e9).rounded(.up)))
    }
}
