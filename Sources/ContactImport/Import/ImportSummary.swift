public import CampaignStore

/// What an import did.
public struct ImportSummary: Sendable {
    /// The campaign imported into.
    public var campaign: Campaign
    /// Rows read, imported, rejected, duplicates and suppressed.
    public var counts: ImportCounts
    /// Rejected rows per reason, most frequent first.
    public var rejectedByReason: [(reason: String, count: Int)]
    /// The rejects CSV, when any file imported into the campaign has rejects.
    public var rejectsPath: String?
    /// The columns used.
    public var columns: ColumnMapping
    /// The delimiter found (or given).
    public var delimiter: Character
    /// What the do-not-call file held, when one was given.
    public var doNotCall: DoNotCallSummary?
    /// Things the user should know that did not stop the import.
    public var warnings: [String]
}

/// What a do-not-call file held.
public struct DoNotCallSummary: Sendable, Hashable {
    /// Valid distinct numbers in the file.
    public var numbers: Int
    /// Of those, the ones not on the suppression list before.
    public var newlySuppressed: Int
    /// Lines that were not valid numbers.
    public var invalidLines: Int
}

/// How far an import has got, reported after each committed batch.
public struct ImportProgress: Sendable, Hashable {
    /// Bytes of the file read so far.
    public var bytesRead: Int
    /// The file's size, when known.
    public var totalBytes: Int?
    /// The counts of committed rows.
    public var counts: ImportCounts
}
