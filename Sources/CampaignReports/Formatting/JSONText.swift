/// Appends JSON values to a byte buffer.
///
/// Hand-written because the JSON Lines export writes one object per attempt, millions per report,
/// and `JSONEncoder` allocates a container tree per object; this writes straight into the output
/// buffer.
enum JSONText {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `text` as a JSON string literal: quotes, backslashes and control characters escaped.
    /// U+2028 and U+2029 are escaped too, so a line can be pasted into JavaScript.
    static func appendString(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "\""): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                buffer.append(hexDigits[Int(byte >> 4)])
                buffer.append(hexDigits[Int(byte & 0xF)])
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                guard let second = iterator.next() else {
                    buffer.append(byte)
                    break
                }
                guard second == 0x80, let third = iterator.next() else {
                    buffer.append(contentsOf: [byte, second])
                    break
                }
                if third == 0xA8 || third == 0xA9 {
                    buffer.append(contentsOf: Array("\\u202".utf8))
                    buffer.append(third == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                } else {
                    buffer.append(contentsOf: [byte, second, third])
                }
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
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
