/// What an export wrote.
public struct ExportSummary: Sendable, Hashable {
    /// The report format.
    public var format: ExportFormat
    /// Contacts covered.
    public var contacts: Int
    /// Lines or table rows written, not counting a header (for JSON Lines, one per attempt, plus one
    /// per contact without attempts; for HTML, the rows of the contact table).
    public var rows: Int
    /// Bytes written.
    public var bytes: Int

    /// Creates a summary.
    public init(format: ExportFormat, contacts: Int, rows: Int, bytes: Int) {
        self.format = format
        self.contacts = contacts
        self.rows = rows
        self.bytes = bytes
    }
}

/// The report formats of `vaani-dialer export`.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// One row per contact, spreadsheet-safe.
    case csv
    /// JSON Lines: one object per attempt, transcripts included.
    case json
    /// One self-contained HTML page with charts and a searchable contact table.
    case html

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .csv: "csv"
        case .json: "jsonl"
        case .html: "html"
        }
    }
}
