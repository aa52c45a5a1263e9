/// A campaign setting that cannot be used, with where it came from: the field, and for a campaign file
/// the file, line and column.
public struct CampaignSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The setting, as the campaign file spells it (`calling_hours`, `retry_delay.busy`).
    public var field: String
    /// What is wrong and what is expected.
    public var message: String
    /// The campaign file, when the setting came from one.
    public var file: String?
    /// The 1-based line in the file.
    public var line: Int?
    /// The 1-based column in the file.
    public var column: Int?

    /// Creates an error.
    /// - Parameters:
    ///   - field: The setting.
    ///   - message: What is wrong.
    ///   - file: The campaign file, if any.
    ///   - line: The line in the file.
    ///   - column: The column in the file.
    public init(field: String, message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.field = field
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `campaigns/x.json:4:3: rate: must be a number of calls per second ≥ 0, not "fast"`.
    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" + (column.map { ":\($0)" } ?? "") }
            location += ": "
        }
        return location + (field.isEmpty ? "" : field + ": ") + message
    }
}
