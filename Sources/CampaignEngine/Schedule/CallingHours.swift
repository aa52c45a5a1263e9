public import Foundation

/// When contacts may be called, in each contact's own local time: a daily window and the days it
/// applies to. Times are wall-clock times, so the window follows daylight-saving changes.
///
/// ```swift
/// let hours = try CallingHours(parsingHours: "09:00-21:00", days: "mon-sat")
/// let zone = TimeZone(identifier: "Asia/Kolkata")!
/// if !hours.isOpen(at: .now, in: zone) { print(hours.nextOpening(after: .now, in: zone)!) }
/// ```
public struct CallingHours: Sendable, Hashable {
    /// The first minute of the day calls may start, 0–1439.
    public var startMinute: Int
    /// The minute of the day from which calls may no longer start, 0–1440; a window whose end is before
    /// its start runs past midnight (`21:00-02:00`), and belongs to the day it opens on.
    public var endMinute: Int
    /// The days the window applies to; never empty.
    public var days: Set<Weekday>

    /// Creates a window.
    /// - Parameters:
    ///   - startMinute: Minute of the day the window opens (e.g. 540 for 09:00).
    ///   - endMinute: Minute of the day the window closes (e.g. 1260 for 21:00; 1440 for midnight).
    ///   - days: The days it applies to (default every day).
    /// - Throws: ``CampaignSettingsError`` when the window is empty or no day is given.
    public init(startMinute: Int, endMinute: Int, days: Set<Weekday> = Set(Weekday.allCases)) throws {
        guard (0..<1440).contains(startMinute), (0...1440).contains(endMinute), startMinute != endMinute
        else {
            throw CampaignSettingsError(
                field: "calling_hours",
                message: "the window must open and close at different times, e.g. 09:00-21:00"
            )
        }
        guard !days.isEmpty else {
            throw CampaignSettingsError(field: "days", message: "at least one calling day is needed")
        }
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.days = days
    }

    /// Whether a call may start at `date` for a contact in `timeZone`.
    /// - Parameters:
    ///   - date: The instant.
    ///   - timeZone: The contact's time zone.
    public func isOpen(at date: Date, in timeZone: TimeZone) -> Bool {
        let calendar = Self.calendar(in: timeZone)
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        guard let weekdayNumber = parts.weekday, let weekday = Weekday(rawValue: weekdayNumber),
            let hour = parts.hour, let minute = parts.minute
        else { return false }
        let minuteOfDay = hour * 60 + minute
        if startMinute < endMinute {
            return days.contains(weekday) && minuteOfDay >= startMinute && minuteOfDay < endMinute
        }
        // Past midnight: the evening part belongs to today, the early-morning part to yesterday's window.
        let yesterday = Weekday(rawValue: (weekdayNumber + 5) % 7 + 1) ?? weekday
        return (days.contains(weekday) && minuteOfDay >= startMinute)
            || (days.contains(yesterday) && minuteOfDay < endMinute)
    }

    /// The first instant at or after `date` when a call may start for a contact in `timeZone`.
    /// - Parameters:
    ///   - date: The instant to start looking from.
    ///   - timeZone: The contact's time zone.
    /// - Returns: `date` itself when the window is open; otherwise the next opening, found within eight days.
    public func nextOpening(after date: Date, in timeZone: TimeZone) -> Date {
        if isOpen(at: date, in: timeZone) { return date }
        let calendar = Self.calendar(in: timeZone)
        let today = calendar.startOfDay(for: date)
        for offset in 0...8 {
            guard let day = calendar.date(byAdding: .day, value: offset, to: today),
                let weekday = Weekday(rawValue: calendar.component(.weekday, from: day)),
                days.contains(weekday)
            else { continue }
            // `nextTime` maps a wall time skipped by a daylight-saving jump to the first instant after it.
            let opening = calendar.nextDate(
                after: day.addingTimeInterval(-1),
                matching: DateComponents(hour: startMinute / 60, minute: startMinute % 60, second: 0),
                matchingPolicy: .nextTime
            )
            if let opening, opening > date, isOpen(at: opening, in: timeZone) { return opening }
        }
        // Unreachable with a non-empty day set; fall back to a day later rather than trapping.
        return date.addingTimeInterval(86_400)
    }

    /// The window as written on the command line: `09:00-21:00`.
    public var hoursDescription: String { Self.clock(startMinute) + "-" + Self.clock(endMinute) }

    /// The days as a comma-separated list, Monday first: `mon,tue,wed`.
    public var daysDescription: String { days.sorted().map(\.abbreviation).joined(separator: ",") }

    static func calendar(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    private static func clock(_ minute: Int) -> String {
        let hours = minute / 60, minutes = minute % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}
