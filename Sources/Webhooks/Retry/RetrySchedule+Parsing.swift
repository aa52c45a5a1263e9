extension RetrySchedule {
    /// Parses a schedule as a user writes it: delays separated by commas, the first attempt's first,
    /// each a number and a unit (`ms`, `s`, `m`, `h`, `d`) or several (`1h30m`).
    ///
    /// - Parameters:
    ///   - text: For example `0s,5s,1m,10m,1h`.
    ///   - jitter: The fraction a delay may move either way.
    /// - Throws: ``WebhookError/invalidRetrySchedule`` naming the item that is wrong (by position and
    ///   text) and saying what is expected.
    public init(parsing text: String, jitter: Double = 0.1) throws {
        let example = "like 0s,5s,5m,30m,2h"
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingASCIISpaces }
        guard !(items.count == 1 && items[0].isEmpty) else {
            throw WebhookError.invalidRetrySchedule.with("the retry schedule is empty: list the delays \(example)")
        }
        guard items.count <= Self.maximumAttempts else {
            throw WebhookError.invalidRetrySchedule.with(
                "the retry schedule has \(items.count) items; at most \(Self.maximumAttempts) attempts are allowed"
            )
        }
        var delays: [Duration] = []
        for (index, item) in items.enumerated() {
            let position = "item \(index + 1) of the retry schedule"
            guard !item.isEmpty else {
                throw WebhookError.invalidRetrySchedule.with("\(position) is empty: list the delays \(example)")
            }
            guard let delay = Self.parseDelay(item) else {
                throw WebhookError.invalidRetrySchedule.with(
                    "\(position), \"\(item)\", is not a delay such as 0s, 500ms, 5s, 10m, 2h or 1h30m"
                )
            }
            guard delay <= Self.maximumDelay else {
                throw WebhookError.invalidRetrySchedule.with(
                    "\(position), \"\(item)\", is longer than the 7 days a single delay may be"
                )
            }
            if index == 0, delay != .zero {
                throw WebhookError.invalidRetrySchedule.with(
                    "\(position), \"\(item)\", must be 0s: the first item is the first attempt, made at once, "
                        + "and the next items are the delays before each retry (\(example))"
                )
            }
            delays.append(delay)
        }
        self.init(delays: delays, jitter: jitter)
    }

    /// The schedule as ``init(parsing:jitter:)`` reads it: `0s,5s,5m,30m,2h,5h,10h,10h`.
    public var text: String {
        delays.map(\.shortText).joined(separator: ",")
    }

    /// `5s`, `10m`, `1h30m`, `500ms`, `1.5h`: whole or decimal numbers, each with a unit.
    private static func parseDelay(_ text: Substring) -> Duration? {
        var total = 0.0
        var rest = text.lowercased()[...]
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { $0.isASCII && $0.isLetter }
            rest = rest.dropFirst(unit.count)
            guard let value = Double(number), value.isFinite else { return nil }
            let scale: Double
            switch unit {
            case "ms": scale = 0.001
            case "s": scale = 1
            case "m", "min": scale = 60
            case "h": scale = 3600
            case "d": scale = 86_400
            default: return nil
            }
            total += value * scale
        }
        guard total.isFinite, total <= 1e9 else { return nil }
        return .milliseconds(Int64((total * 1000).rounded()))
    }
}
