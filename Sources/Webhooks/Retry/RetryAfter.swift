import Foundation

/// The `Retry-After` response header (RFC 9110 §10.2.3): a number of seconds, or an HTTP date.
enum RetryAfter {
    /// The delay a `Retry-After` value asks for, measured from `now`.
    /// - Parameters:
    ///   - value: The header's value, for example `120` or `Wed, 21 Oct 2026 07:28:00 GMT`.
    ///   - now: The current time, for a date.
    /// - Returns: The delay (zero for a date already past), or `nil` when the value is neither form.
    static func delay(_ value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingASCIISpaces
        if !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) {
            // Digits only; a count too large for 64 bits saturates (and the caller's bound applies).
            return .seconds(Int64(trimmed) ?? .max)
        }
        guard let seconds = httpDateSeconds(String(trimmed)) else { return nil }
        let delay = Double(seconds) - now.timeIntervalSince1970
        return delay <= 0 ? .zero : .milliseconds(Int64((delay * 1000).rounded(.up)))
    }

    /// Seconds since 1970 of an HTTP date in any of the three forms RFC 9110 has recipients accept:
    /// `Sun, 06 Nov 1994 08:49:37 GMT`, `Sunday, 06-Nov-94 08:49:37 GMT` and `Sun Nov  6 08:49:37 1994`.
    static func httpDateSeconds(_ text: String) -> Int64? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        func monthIndex(_ name: Substring) -> Int64? {
            months.firstIndex(of: name.lowercased()).map { Int64($0 + 1) }
        }
        func clock(_ text: Substring) -> (Int64, Int64, Int64)? {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ $0.count == 2 }),
                let hour = Int64(parts[0]), let minute = Int64(parts[1]), let second = Int64(parts[2]),
                hour < 24, minute < 60, second <= 60
            else { return nil }
            return (hour, minute, second)
        }
        let words = text.split(separator: " ")
        let fields: (year: Int64, month: Int64, day: Int64, time: (Int64, Int64, Int64))
        if words.count == 6, words[0].hasSuffix(","), words[5] == "GMT", words[3].count == 4,
            let day = Int64(words[1]), let month = monthIndex(words[2]), let year = Int64(words[3]),
            let time = clock(words[4])
        {
            // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
            fields = (year, month, day, time)
        } else if words.count == 4, words[0].hasSuffix(","), words[3] == "GMT", let time = clock(words[2]) {
            // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT; a two-digit year below 70 is read as 20xx.
            let date = words[1].split(separator: "-")
            guard date.count == 3, date[2].count == 2, let day = Int64(date[0]), let month = monthIndex(date[1]),
                let shortYear = Int64(date[2])
            else { return nil }
            fields = (shortYear + (shortYear < 70 ? 2000 : 1900), month, day, time)
        } else if words.count == 5, words[4].count == 4, let month = monthIndex(words[1]), let day = Int64(words[2]),
            let time = clock(words[3]), let year = Int64(words[4])
        {
            // asctime: Sun Nov  6 08:49:37 1994
            fields = (year, month, day, time)
        } else {
            return nil
        }
        let (year, monthNumber, day, time) = fields
        guard (1...31).contains(day) else { return nil }
        return CivilTime.days(year: year, month: monthNumber, day: day) * 86_400 + time.0 * 3600 + time.1 * 60 + time.2
    }
}
