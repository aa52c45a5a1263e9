/// A day of the week, numbered as Foundation's Gregorian calendar does (Sunday is 1).
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// Sunday.
    case sunday = 1
    /// Monday.
    case monday
    /// Tuesday.
    case tuesday
    /// Wednesday.
    case wednesday
    /// Thursday.
    case thursday
    /// Friday.
    case friday
    /// Saturday.
    case saturday

    /// The three-letter English abbreviation, lowercased: `mon`.
    public var abbreviation: String {
        switch self {
        case .sunday: "sun"
        case .monday: "mon"
        case .tuesday: "tue"
        case .wednesday: "wed"
        case .thursday: "thu"
        case .friday: "fri"
        case .saturday: "sat"
        }
    }

    /// The weekday named by an English abbreviation or full name, in any case (`Mon`, `monday`).
    /// - Parameter name: The name.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard lowered.count >= 3,
            let day = Weekday.allCases.first(where: { lowered.hasPrefix($0.abbreviation) })
        else { return nil }
        let full = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"][day.rawValue - 1]
        guard full.hasPrefix(lowered) || lowered == day.abbreviation else { return nil }
        self = day
    }

    /// Monday-first order, as calling days are usually written.
    public var mondayFirstIndex: Int { (rawValue + 5) % 7 }

    /// Orders days Monday first.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.mondayFirstIndex < rhs.mondayFirstIndex }
}
