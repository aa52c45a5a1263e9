import Foundation

extension CallingHours {
    /// Parses a window as written on the command line or in a campaign file.
    /// - Parameters:
    ///   - hours: `HH:MM-HH:MM`, e.g. `09:00-21:00` (`24:00` is midnight at the end).
    ///   - days: A day list such as `mon-sat`, `mon,wed,fri`, `weekdays`, `daily`; every day when `nil`.
    /// - Throws: ``CampaignSettingsError`` naming the field and what is wrong.
    public init(parsingHours hours: String, days: String? = nil) throws {
        let parts = hours.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Self.minute(of: parts[0]), let end = Self.minute(of: parts[1]) else {
            throw CampaignSettingsError(
                field: "calling_hours",
                message: "\"\(hours)\" is not a window like 09:00-21:00"
            )
        }
        try self.init(startMinute: start, endMinute: end, days: try days.map(Self.parseDays) ?? Set(Weekday.allCases))
    }

    /// Parses a day list: names or ranges separated by commas (`mon-fri,sun`), or `daily`, `weekdays`,
    /// `weekends`. Ranges wrap around the week (`fri-mon`).
    /// - Parameter text: The list.
    /// - Throws: ``CampaignSettingsError`` for an unknown day name.
    public static func parseDays(_ text: String) throws -> Set<Weekday> {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch trimmed {
        case "daily", "all", "every day", "everyday": return Set(Weekday.allCases)
        case "weekdays": return [.monday, .tuesday, .wednesday, .thursday, .friday]
        case "weekends", "weekend": return [.saturday, .sunday]
        default: break
        }
        var days = Set<Weekday>()
        for item in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let named = bounds.map { Weekday(name: $0) }
            guard (1...2).contains(bounds.count), let first = named.first ?? nil, let last = named.last ?? nil else {
                throw CampaignSettingsError(
                    field: "days",
                    message: "\"\(text)\" is not a day list like mon-sat or mon,wed,fri"
                )
            }
            var index = first.mondayFirstIndex
            while true {
                days.insert(Weekday.allCases.first { $0.mondayFirstIndex == index } ?? first)
                if index == last.mondayFirstIndex { break }
                index = (index + 1) % 7
            }
        }
        return days
    }

    private static func minute(of text: Substring) -> Int? {
        let pieces = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, (1...2).contains(pieces[0].count), pieces[1].count == 2,
            let hour = Int(pieces[0]), let minute = Int(pieces[1]),
            (0...24).contains(hour), (0..<60).contains(minute), hour < 24 || minute == 0
        else { return nil }
        return hour * 60 + minute
    }
}
