public import Foundation

/// One run of `vaani-dialer import` into a campaign, with its counts. A row of `imports`.
public struct ImportRecord: Sendable, Hashable, Identifiable {
    /// The row id.
    public var id: Int64
    /// The campaign imported into.
    public var campaignID: Int64
    /// The file imported (its path as given).
    public var source: String
    /// When the import started.
    public var startedAt: Date
    /// When it finished; `nil` if it stopped on an error or was killed.
    public var finishedAt: Date?
    /// The counts, as of the last committed batch.
    public var counts: ImportCounts

    /// Creates a value with every field.
    public init(
        id: Int64,
        campaignID: Int64,
        source: String,
        startedAt: Date,
        finishedAt: Date? = nil,
        counts: ImportCounts
    ) {
        self.id = id
        self.campaignID = campaignID
        self.source = source
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.counts = counts
    }
}

/// The counts of an import: every data row is exactly one of imported, rejected, duplicate or
/// suppressed.
public struct ImportCounts: Sendable, Hashable {
    /// Data rows read (the header and blank lines excluded).
    public var rows: Int
    /// Contacts added.
    public var imported: Int
    /// Rows written to the rejects file.
    public var rejected: Int
    /// Rows whose number the campaign already had.
    public var duplicates: Int
    /// Rows whose number is on the do-not-call list.
    public var suppressed: Int

    /// Creates counts, all zero by default.
    public init(rows: Int = 0, imported: Int = 0, rejected: Int = 0, duplicates: Int = 0, suppressed: Int = 0) {
        self.rows = rows
        self.imported = imported
        self.rejected = rejected
        self.duplicates = duplicates
        self.suppressed = suppressed
    }
}
