public import Foundation

extension Duration {
    /// The duration in seconds, as Foundation measures intervals.
    public var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    /// The duration in whole milliseconds, rounded down.
    public var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    /// A duration of `interval` seconds.
    /// - Parameter interval: Seconds; negative and non-finite values give zero, and values are capped at
    ///   about 31,000 years.
    public init(timeInterval interval: TimeInterval) {
        let clamped = interval.isFinite ? min(max(0, interval), 1e12) : 0
        self = .milliseconds(Int64((clamped * 1000).rounded()))
    }

    /// A short human form: `45 s`, `30 min`, `2 h 5 min`, `850 ms`.
    public var humanReadable: String {
        let totalMilliseconds = milliseconds
        if totalMilliseconds < 1000 { return "\(totalMilliseconds) ms" }
        let totalSeconds = Int64((Double(totalMilliseconds) / 1000).rounded())
        if totalSeconds < 120 { return "\(totalSeconds) s" }
        let minutes = totalSeconds / 60
        if minutes < 120 { return totalSeconds % 60 == 0 || minutes >= 10 ? "\(minutes) min" : "\(minutes) min \(totalSeconds % 60) s" }
        let hours = minutes / 60
        return minutes % 60 == 0 ? "\(hours) h" : "\(hours) h \(minutes % 60) min"
    }
}
