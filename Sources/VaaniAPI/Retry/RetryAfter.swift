import Foundation

/// Parsing of the `Retry-After` header (RFC 9110 §10.2.3): a number of seconds, or an HTTP date.
enum RetryAfter {
    /// The delay a `Retry-After` value asks for, measured from `now`.
    /// - Parameters:
    ///   - value: The header value, e.g. `"2"` or `"Wed, 21 Oct 2026 07:28:00 GMT"`.
    ///   - now: The current time, used when the value is a date.
    /// - Returns: The delay (zero for a date in the past), or `nil` when the value is neither form.
    static func delay(from value: String, now: Date = Date()) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed), seconds >= 0 {
            return .seconds(seconds)
        }
        if let seconds = Double(trimmed), seconds.isFinite, seconds >= 0 {
            return .milliseconds(Int((seconds * 1000).rounded(.up)))
        }
        guard let date = httpDate(trimmed) else { return nil }
        let interval = date.timeIntervalSince(now)
        return interval <= 0 ? .zero : .milliseconds(Int((interval * 1000).rounded(.up)))
    }

    /// Parses the three date formats RFC 9110 requires a recipient to accept.
    private static func httpDate(_ text: String) -> Date? {
        let formats = [
            "EEE, dd MMM yyyy HH:mm:ss zzz",  // IMF-fixdate
            "EEEE, dd-MMM-yy HH:mm:ss zzz",  // obsolete RFC 850
            "EEE MMM d HH:mm:ss yyyy",  // asctime
        ]
        // DateFormatter is not Sendable, so each parse makes its own; a Retry-After date is rare.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
