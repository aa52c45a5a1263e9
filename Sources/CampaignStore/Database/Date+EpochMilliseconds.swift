package import Foundation

extension Date {
    /// Milliseconds since 1970-01-01 UTC, as stored in every time column of the database.
    package var epochMilliseconds: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The date `milliseconds` after 1970-01-01 UTC.
    package init(epochMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
