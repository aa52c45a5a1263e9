import Foundation

/// The simulator's view of time: elapsed time since it started, measured on an injected `Clock`,
/// and the wall-clock date of that start for ISO 8601 timestamps. Type-erased so that the handlers
/// need not be generic over the clock.
struct SimulationClock: Sendable {
    /// Time elapsed since the simulator started.
    let elapsed: @Sendable () -> Duration
    /// Sleeps for a duration on the injected clock.
    let sleep: @Sendable (Duration) async throws -> Void
    /// The wall-clock date at which ``elapsed`` was zero.
    let startDate: Date

    init<C: Clock>(_ clock: C, startDate: Date = Date()) where C.Duration == Duration {
        let start = clock.now
        self.elapsed = { start.duration(to: clock.now) }
        self.sleep = { duration in try await clock.sleep(for: duration) }
        self.startDate = startDate
    }

    /// Elapsed time in whole nanoseconds.
    var elapsedNanoseconds: Int64 { elapsed().nanoseconds }

    /// The wall-clock date of an elapsed time.
    func date(atNanos nanoseconds: Int64) -> Date {
        startDate.addingTimeInterval(Double(nanoseconds) / 1e9)
    }

    /// ISO 8601 with milliseconds, UTC (`2026-11-26T21:30:00.123Z`).
    func timestamp(atNanos nanoseconds: Int64) -> String {
        date(atNanos: nanoseconds).formatted(
            Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        )
    }
}

extension Duration {
    /// The duration in whole nanoseconds (saturating far beyond any simulated time span).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds &* 1_000_000_000 &+ attoseconds / 1_000_000_000
    }
}
