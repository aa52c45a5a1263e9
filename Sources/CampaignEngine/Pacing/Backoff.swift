/// Capped exponential backoff with full jitter, on top of any delay the server asked for.
///
/// The n-th consecutive failure waits `retryAfter + random(0 ... min(cap, base · 2ⁿ))`: never sooner than
/// the server's `Retry-After`, and spread so that many workers do not come back at the same instant.
///
/// ```swift
/// var generator = SystemRandomNumberGenerator()
/// let wait = Backoff().delay(failures: 3, retryAfter: .seconds(1), using: &generator)
/// ```
public struct Backoff: Sendable, Hashable {
    /// The jitter ceiling after the first failure.
    public var base: Duration
    /// The largest jitter ceiling, however many failures came before.
    public var cap: Duration

    /// Creates a backoff.
    /// - Parameters:
    ///   - base: The jitter ceiling after the first failure (default 250 ms).
    ///   - cap: The largest jitter ceiling (default 30 s).
    public init(base: Duration = .milliseconds(250), cap: Duration = .seconds(30)) {
        self.base = max(.milliseconds(1), base)
        self.cap = max(self.base, cap)
    }

    /// The jitter ceiling after `failures` consecutive failures (1 for the first).
    /// - Parameter failures: Consecutive failures, at least 1.
    public func ceiling(failures: Int) -> Duration {
        let exponent = min(max(failures, 1) - 1, 40)
        let grown = Double(base.milliseconds) * pow2(exponent)
        return min(cap, .milliseconds(Int64(min(grown, Double(cap.milliseconds)))))
    }

    /// How long to wait before trying again.
    /// - Parameters:
    ///   - failures: Consecutive failures so far, at least 1.
    ///   - retryAfter: The server's `Retry-After`, a floor for the wait.
    ///   - generator: The source of jitter; inject a seeded one in tests.
    public func delay(
        failures: Int,
        retryAfter: Duration? = nil,
        using generator: inout some RandomNumberGenerator
    ) -> Duration {
        let ceilingMilliseconds = ceiling(failures: failures).milliseconds
        let jitter = Duration.milliseconds(Int64.random(in: 0...ceilingMilliseconds, using: &generator))
        return (retryAfter ?? .zero) + jitter
    }

    private func pow2(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<exponent { value *= 2 }
        return value
    }
}
