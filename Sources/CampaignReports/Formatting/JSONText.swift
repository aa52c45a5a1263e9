import JSONFormat

/// Appends JSON values to a byte buffer.
///
/// Hand-written because the JSON Lines export writes one object per attempt, millions per report,
/// and `JSONEncoder` allocates a container tree per object; this writes straight into the output
/// buffer.
enum JSONText {
    /// Appends `text` as a JSON string literal (``JSONString``: quotes, backslashes, control
    /// characters, U+2028 and U+2029 escaped).
    static func appendString(_ text: String, to buffer: inout [UInt8]) {
        JSONString.append(text.utf8, to: &buffer)
    }

    /// Appends `"key":`.
    static func appendKey(_ key: StaticString, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// Appends a string or `null`.
    static func appendOptional(_ text: String?, to buffer: inout [UInt8]) {
        if let text { appendString(text, to: &buffer) } else { appendNull(to: &buffer) }
    }

    /// Appends an integer or `null`.
    static func appendOptional(_ number: Int64?, to buffer: inout [UInt8]) {
        if let number { buffer.append(contentsOf: String(number).utf8) } else { appendNull(to: &buffer) }
    }

    /// Appends a finite number or `null` (JSON has no NaN or infinity).
    static func appendOptional(_ number: Double?, to buffer: inout [UInt8]) {
        if let number, number.isFinite { buffer.append(contentsOf: "\(number)".utf8) } else { appendNull(to: &buffer) }
    }

    /// Appends `null`.
    static func appendNull(to buffer: inout [UInt8]) {
        buffer.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }
}
