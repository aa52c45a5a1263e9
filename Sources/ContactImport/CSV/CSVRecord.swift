/// One record of a CSV file: its fields (unquoted, valid UTF-8), the line where it starts, and its
/// original text. The reader reuses one record's storage for the next, so copy what you keep.
public struct CSVRecord: Sendable {
    /// Where one field's bytes are: a range of ``raw`` (most fields), or of ``unescaped`` for a
    /// quoted field whose doubled quotes had to be collapsed.
    struct FieldSpan: Sendable {
        var start: Int
        var end: Int
        var isUnescaped: Bool
    }

    /// The physical line (1-based) where the record starts.
    public internal(set) var line = 0
    /// The byte offset of the record's first byte from the start of the file.
    public internal(set) var byteOffset = 0
    /// A recoverable flaw found while reading the record (for example text after a closing quote):
    /// the field (1-based) and what is wrong. The fields are still filled, as read leniently.
    public internal(set) var malformation: (column: Int, reason: String)?

    /// The record as written in the file, without its line terminator.
    public internal(set) var raw: [UInt8] = []
    /// The fields that needed unescaping, one after the other.
    var unescaped: [UInt8] = []
    /// Each field's bytes.
    var spans: [FieldSpan] = []

    /// Creates an empty record to read into.
    public init() {}

    /// The number of fields.
    public var count: Int { spans.count }

    /// Whether every field is empty (a blank line, or a line of only delimiters).
    public var isBlank: Bool { spans.allSatisfy { $0.start == $0.end } }

    /// The bytes of field `index` (0-based).
    public func bytes(at index: Int) -> ArraySlice<UInt8> {
        let span = spans[index]
        return span.isUnescaped ? unescaped[span.start..<span.end] : raw[span.start..<span.end]
    }

    /// Field `index` (0-based) as a string, or `""` past the last field.
    public subscript(index: Int) -> String {
        guard index < spans.count else { return "" }
        return String(decoding: bytes(at: index), as: UTF8.self)
    }

    /// The record's original text, as written in the file, without its line terminator.
    public var rawText: String { String(decoding: raw, as: UTF8.self) }

    mutating func reset() {
        if !unescaped.isEmpty { unescaped.removeAll(keepingCapacity: true) }
        spans.removeAll(keepingCapacity: true)
        raw.removeAll(keepingCapacity: true)
        malformation = nil
    }
}
