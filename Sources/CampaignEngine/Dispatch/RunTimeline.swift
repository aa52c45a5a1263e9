import Foundation

/// The run's instants on the injected clock and the wall-clock dates the journal stores, side by side:
/// both count from the moment the run started.
struct RunTimeline<Instant: InstantProtocol>: Sendable, Hashable where Instant.Duration == Duration {
    /// The clock's instant when the run started.
    let start: Instant
    /// The wall-clock date at `start`.
    let origin: Date

    /// The wall-clock date of `instant`.
    func date(_ instant: Instant) -> Date {
        origin.addingTimeInterval(start.duration(to: instant).timeInterval)
    }

    /// The instant of `date`; dates before the start map to the start.
    func instant(_ date: Date) -> Instant {
        start.advanced(by: Duration(timeInterval: date.timeIntervalSince(origin)))
    }
}
