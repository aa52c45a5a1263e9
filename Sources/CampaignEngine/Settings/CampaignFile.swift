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
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                throw CampaignSettingsError(field: "", message: "is a directory, not a campaign file", file: path)
            }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            guard size <= maximumFileSize else {
                throw CampaignSettingsError(
                    field: "", message: "\(size) bytes; a campaign file is at most \(maximumFileSize) bytes of JSON", file: path
                )
            }
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            // Read at most one byte past the limit, in case the file grew after the size check.
            data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
            guard data.count <= maximumFileSize else {
                throw CampaignSettingsError(
                    field: "", message: "more than \(maximumFileSize) bytes; a campaign file is at most that much JSON", file: path
                )
            }
        } catch let error as CampaignSettingsError {
            throw error
        } catch {
            throw CampaignSettingsError(field: "", message: "cannot read the campaign file: \(readFailure(error))", file: path)
        }
        return try parse(data, source: path)
    }

    /// The largest campaign file read: settings take a few hundred bytes, so anything near this is not one.
    public static let maximumFileSize = 1 << 20

    /// The system's reason for a failed read, e.g. "No such file or directory".
    private static func readFailure(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "No such file or directory"
            case NSFileReadNoPermissionError: return "Permission denied"
            default: break
            }
        }
        return nsError.localizedDescription
    }

    /// Parses campaign settings from JSON.
    /// - Parameters:
    ///   - data: The JSON text.
    ///   - source: The file name used in errors.
    /// - Throws: ``CampaignSettingsError`` naming the line, column and field of the first problem.
    public static func parse(_ data: Data, source: String) throws -> SettingsOverrides {
        guard let text = String(data: data, encoding: .utf8) else {
            throw CampaignSettingsError(field: "", message: "the file is not UTF-8 text", file: source)
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let (line, column) = syntaxErrorLocation(error, in: text)
            throw CampaignSettingsError(
                field: "",
                message: "not valid JSON (\(syntaxErrorReason(error)))",
                file: source,
                line: line,
                column: column
            )
        }
        guard let object = root as? [String: Any] else {
            throw CampaignSettingsError(field: "", message: "expected a JSON object of settings", file: source, line: 1, column: 1)
        }
        var reader = Reader(text: text, source: source)
        return try reader.read(object)
    }

    private static func syntaxErrorReason(_ error: any Error) -> String {
        let nsError = error as NSError
        let detail = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        return detail.isEmpty ? "syntax error" : detail
    }

    private static func syntaxErrorLocation(_ error: any Error, in text: String) -> (Int?, Int?) {
        let nsError = error as NSError
        if let index = nsError.userInfo["NSJSONSerializationErrorIndex"] as? Int {
            return lineAndColumn(ofUTF8Offset: index, in: text)
        }
        let detail = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        if let range = detail.range(of: "around line ") {
            let numbers = detail[range.upperBound...].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if numbers.count >= 2 { return (numbers[0], numbers[1]) }
            if numbers.count == 1 { return (numbers[0], nil) }
        }
        if let range = detail.range(of: "character ") {
            let digits = detail[range.upperBound...].prefix(while: \.isNumber)
            if let offset = Int(digits) { return lineAndColumn(ofUTF8Offset: offset, in: text) }
        }
        if detail.localizedCaseInsensitiveContains("end of file") {
            // The text stops mid-value: point just past its last character.
            return lineAndColumn(ofUTF8Offset: text.utf8.count, in: text)
        }
        return (nil, nil)
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
