public import Foundation

/// Reads and writes campaign settings as JSON, the format of `campaigns/NAME.json` and of the settings
/// stored on a campaign.
///
/// ```json
/// {
///   "rate": 20, "concurrency": 32, "max_active": 100, "max_attempts": 3,
///   "retry_delay": {"no_answer": "30m", "busy": "1h"},
///   "calling_hours": "09:00-21:00", "days": "mon-sat", "timezone": "Asia/Kolkata"
/// }
/// ```
///
/// Unknown keys are errors (a misspelt setting must not be silently ignored); every error names the
/// file, line, column and field.
public enum CampaignFile {
    /// The keys a campaign file may hold.
    public static let keys: [String] = [
        "concurrency", "max_active", "rate", "max_attempts", "retry_delay", "calling_hours", "days", "timezone",
        "outbound_number", "test_mode", "request_timeout", "call_timeout", "poll_interval", "wait_for_balance",
    ]

    /// Reads the campaign file at `path`.
    /// - Parameter path: The file.
    /// - Throws: ``CampaignSettingsError`` when it cannot be read or holds a bad setting.
    public static func load(path: String) throws -> SettingsOverrides {
        try read(LocatedJSON.load(path: path, maximumSize: maximumFileSize, kind: "campaign file"))
    }

    /// The largest campaign file read: settings take a few hundred bytes, so anything near this is not one.
    public static let maximumFileSize = 1 << 20

    /// Parses campaign settings from JSON.
    /// - Parameters:
    ///   - data: The JSON text.
    ///   - source: The file name used in errors.
    /// - Throws: ``CampaignSettingsError`` naming the line, column and field of the first problem.
    public static func parse(_ data: Data, source: String) throws -> SettingsOverrides {
        try read(LocatedJSON.parse(data, source: source))
    }

    /// The settings of a parsed file.
    private static func read(_ json: LocatedJSON) throws -> SettingsOverrides {
        guard let object = json.root as? [String: Any] else {
            throw CampaignSettingsError(field: "", message: "expected a JSON object of settings", file: json.source, line: 1, column: 1)
        }
        var reader = Reader(json: json)
        return try reader.read(object)
    }

    static func lineAndColumn(ofUTF8Offset offset: Int, in text: String) -> (Int?, Int?) {
        var line = 1, column = 1
        for (index, byte) in text.utf8.enumerated() {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
