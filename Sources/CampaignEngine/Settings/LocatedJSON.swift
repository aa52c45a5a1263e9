public import Foundation

/// A JSON document read from a file, with the line and column of every object key, so that an error
/// about any part of it can say where that part is: campaign files, agent configurations.
///
/// ```swift
/// let json = try LocatedJSON.load(path: "persona.json", maximumSize: 1 << 20, kind: "agent configuration")
/// guard let object = json.root as? [String: Any] else { throw json.failure("", "expected an object") }
/// if object["tone"] is NSNull { throw json.failure("tone", "must not be null") }  // persona.json:3:5: tone: …
/// ```
public struct LocatedJSON {
    /// The parsed document, as `JSONSerialization` gives it.
    public let root: Any
    /// The document's bytes.
    public let data: Data
    /// The document's text.
    public let text: String
    /// The file name used in errors.
    public let source: String
    /// Where each key starts (UTF-8 offsets of its opening quote) by dotted path, `persona.voice`.
    let keys: [String: [Int]]

    /// Reads and parses the JSON file at `path`.
    /// - Parameters:
    ///   - path: The file.
    ///   - maximumSize: The most bytes read; a longer file is refused.
    ///   - kind: What the file is, for messages (`campaign file`, `agent configuration`).
    /// - Throws: ``CampaignSettingsError`` naming the file (and line and column for bad JSON).
    public static func load(path: String, maximumSize: Int, kind: String) throws -> LocatedJSON {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                throw CampaignSettingsError(field: "", message: "is a directory, not a \(kind)", file: path)
            }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            guard size <= maximumSize else {
                throw CampaignSettingsError(
                    field: "", message: "\(size) bytes; a \(kind) is at most \(maximumSize) bytes of JSON", file: path
                )
            }
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            // Read at most one byte past the limit, in case the file grew after the size check.
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
            guard data.count <= maximumSize else {
                throw CampaignSettingsError(
                    field: "", message: "more than \(maximumSize) bytes; a \(kind) is at most that much JSON", file: path
                )
            }
        } catch let error as CampaignSettingsError {
            throw error
        } catch {
            throw CampaignSettingsError(field: "", message: "cannot read the \(kind): \(readFailure(error))", file: path)
        }
        return try parse(data, source: path)
    }

    /// Parses a JSON document.
    /// - Parameters:
    ///   - data: The JSON text.
    ///   - source: The file name used in errors.
    /// - Throws: ``CampaignSettingsError`` naming the line and column of a syntax error, or of a key
    ///   written twice in one object.
    public static func parse(_ data: Data, source: String) throws -> LocatedJSON {
        guard let text = String(data: data, encoding: .utf8) else {
            throw CampaignSettingsError(field: "", message: "the file is not UTF-8 text", file: source)
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let (line, column) = syntaxErrorLocation(error, in: text)
            throw CampaignSettingsError(
                field: "", message: "not valid JSON (\(syntaxErrorReason(error)))", file: source, line: line, column: column
            )
        }
        let keys = CampaignFile.keyOffsets(in: text)
        if let duplicate = duplicateKey(keys, in: text, source: source) { throw duplicate }
        return LocatedJSON(root: root, data: data, text: text, source: source, keys: keys)
    }

    /// The dotted paths of the top-level object's keys, in the order they are written.
    public var topLevelKeys: [String] {
        keys.filter { !$0.key.contains(".") }.sorted { $0.value[0] < $1.value[0] }.map(\.key)
    }

    /// An error about `field` (a dotted key path; empty for the whole document), located at the key.
    /// - Parameters:
    ///   - field: The key path, e.g. `persona` or `retry_delay.busy`.
    ///   - message: What is wrong.
    public func failure(_ field: String, _ message: String) -> CampaignSettingsError {
        guard let offset = keys[field]?.first else {
            return CampaignSettingsError(field: field, message: message, file: source, line: field.isEmpty ? 1 : nil,
                                         column: field.isEmpty ? 1 : nil)
        }
        let (line, column) = CampaignFile.lineAndColumn(ofUTF8Offset: offset, in: text)
        return CampaignSettingsError(field: field, message: message, file: source, line: line, column: column)
    }

    /// The first key written twice in one object, as an error at its second appearance.
    static func duplicateKey(_ keys: [String: [Int]], in text: String, source: String) -> CampaignSettingsError? {
        guard let (field, offsets) = keys.filter({ $0.value.count > 1 }).min(by: { $0.value[1] < $1.value[1] }) else {
            return nil
        }
        let (firstLine, _) = CampaignFile.lineAndColumn(ofUTF8Offset: offsets[0], in: text)
        let (line, column) = CampaignFile.lineAndColumn(ofUTF8Offset: offsets[1], in: text)
        return CampaignSettingsError(
            field: field, message: "appears twice (first on line \(firstLine ?? 1)); keep only one",
            file: source, line: line, column: column
        )
    }

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

    private static func syntaxErrorReason(_ error: any Error) -> String {
        let nsError = error as NSError
        let detail = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        return detail.isEmpty ? "syntax error" : detail
    }

    private static func syntaxErrorLocation(_ error: any Error, in text: String) -> (Int?, Int?) {
        let nsError = error as NSError
        if let index = nsError.userInfo["NSJSONSerializationErrorIndex"] as? Int {
            return CampaignFile.lineAndColumn(ofUTF8Offset: index, in: text)
        }
        let detail = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        if let range = detail.range(of: "around line ") {
            let numbers = detail[range.upperBound...].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if numbers.count >= 2 { return (numbers[0], numbers[1]) }
            if numbers.count == 1 { return (numbers[0], nil) }
        }
        if let range = detail.range(of: "character ") {
            let digits = detail[range.upperBound...].prefix(while: \.isNumber)
            if let offset = Int(digits) { return CampaignFile.lineAndColumn(ofUTF8Offset: offset, in: text) }
        }
        if detail.localizedCaseInsensitiveContains("end of file") {
            // The text stops mid-value: point just past its last character.
            return CampaignFile.lineAndColumn(ofUTF8Offset: text.utf8.count, in: text)
        }
        return (nil, nil)
    }
}
