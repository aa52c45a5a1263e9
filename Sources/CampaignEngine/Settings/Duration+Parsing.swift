import Foundation

extension Duration {
    /// Parses a duration such as `90s`, `30m`, `2h`, `1h30m`, `500ms`, `1d`, or a plain number of seconds.
    /// - Parameter text: The text.
    /// - Returns: `nil` when it is not a non-negative duration.
    public static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty else { return nil }
        if let seconds = Double(trimmed) {
            return seconds.isFinite && seconds >= 0 && seconds < 1e9 ? Duration(timeInterval: seconds) : nil
        }
        var total = 0.0
        var number = ""
        var unit = ""
        func flush() -> Bool {
            guard let value = Double(number), value.isFinite, value >= 0 else { return false }
            let scale: Double
            switch unit {
            case "ms": scale = 0.001
            case "s", "sec", "secs", "second", "seconds": scale = 1
            case "m", "min", "mins", "minute", "minutes": scale = 60
            case "h", "hr", "hrs", "hour", "hours": scale = 3600
            case "d", "day", "days": scale = 86_400
            default: return false
            }
            total += value * scale
            number = ""
            unit = ""
            return true
        }
        for character in trimmed where character != " " {
            if character.isNumber || character == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(character)
            } else if character.isLetter {
                guard !number.isEmpty else { return nil }
                unit.append(character)
            } else {
                return nil
            }
        }
        guard flush(), total.isFinite, total < 1e9 else { return nil }
        return Duration(timeInterval: total)
    }

    /// The duration as a campaign file writes it: `45s`, `30m`, `2h`, `1500ms`.
    public var settingText: String {
        let totalMilliseconds = milliseconds
        if totalMilliseconds % 1000 != 0 { return "\(totalMilliseconds)ms" }
        let seconds = totalMilliseconds / 1000
        if seconds != 0, seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds != 0, seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}
