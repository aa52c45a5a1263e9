/// When and how the client retries a failed request by itself.
///
/// Reads (GET) are retried on 429, 5xx and connection failures. Writes (POST, PATCH, DELETE — including
/// ``CallsAPI/trigger(_:idempotencyKey:)``) are retried only when that cannot repeat their effect: on 429 and
/// on a connection that was never established, each behind its own switch. A write that failed
/// ambiguously (timeout, 5xx, connection dropped after sending) is never retried: it throws, and the
/// caller decides.
///
/// Delays grow exponentially with full jitter (a random delay between zero and the capped exponential
/// bound), and are never shorter than the server's `Retry-After`.
public struct RetryPolicy: Sendable, Hashable {
    /// The most attempts per request, the first included; `1` disables retries.
    public var maxAttempts: Int
    /// The bound of the first retry's delay; each further retry doubles it.
    public var initialBackoff: Duration
    /// The cap on the exponential bound.
    public var maxBackoff: Duration
    /// The longest `Retry-After` the client waits out by itself; a longer one is thrown to the caller.
    public var maxRetryAfter: Duration
    /// Whether writes (including call triggers) are retried after a 429, which the server did not act on.
    public var retriesWritesWhenRateLimited: Bool
    /// Whether writes (including call triggers) are retried when the connection was never established,
    /// so nothing was sent.
    public var retriesWritesWhenNotSent: Bool

    /// Creates a retry policy.
    /// - Parameters:
    ///   - maxAttempts: The most attempts per request, the first included (at least 1).
    ///   - initialBackoff: The bound of the first retry's delay.
    ///   - maxBackoff: The cap on the exponential bound.
    ///   - maxRetryAfter: The longest `Retry-After` waited out by the client itself.
    ///   - retriesWritesWhenRateLimited: Whether writes are retried after a 429.
    ///   - retriesWritesWhenNotSent: Whether writes are retried when nothing was sent.
    public init(
        maxAttempts: Int = 4,
        initialBackoff: Duration = .milliseconds(250),
        maxBackoff: Duration = .seconds(20),
        maxRetryAfter: Duration = .seconds(60),
        retriesWritesWhenRateLimited: Bool = true,
        retriesWritesWhenNotSent: Bool = true
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.retriesWritesWhenRateLimited = retriesWritesWhenRateLimited
        self.retriesWritesWhenNotSent = retriesWritesWhenNotSent
    }

    /// Four attempts, 250 ms first bound, 20 s cap, `Retry-After` honoured up to a minute.
    public static let `default` = RetryPolicy()

    /// No retries: every failure is thrown at once.
    public static let never = RetryPolicy(maxAttempts: 1)
}
