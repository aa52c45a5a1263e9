/// Writes JSON string literals straight into a byte buffer: for every JSON text the product writes by
/// hand (contacts' template variables at import, the JSON Lines report, the simulator's small bodies).
///
/// Quotes, backslashes and control characters are escaped (`\n`, `\r`, `\t`, else `\u00XX`), and so are
/// U+2028 and U+2029, so that a line of JSON can be pasted into JavaScript; everything else is copied
/// byte for byte. Hand-written because the importer encodes one object per CSV row and the JSON Lines
/// report one per attempt, millions each, where `JSONEncoder` costs microseconds per call and allocates
/// per value.
///
/// ```swift
/// var buffer: [UInt8] = []
/// JSONString.append("Pune \"West\"".utf8, to: &buffer)  // "Pune \"West\""
/// let text = JSONString.literal("line 1\nline 2")        // "line 1\nline 2", quotes included
/// ```
public enum JSONString {
    /// Appends `bytes` (UTF-8) as a JSON string literal, quotes included.
    ///
    /// Inlinable so that a caller's call is specialized for its own byte collection (in a 1M-row import
    /// profile, unspecialized generic iteration was about a tenth of all samples); a value with nothing
    /// to escape, the common case, is copied in one piece.
    ///
    /// - Parameters:
    ///   - bytes: The text, as UTF-8.
    ///   - buffer: Where the literal is appended.
    @inlinable
    public static func append<Bytes: Collection<UInt8>>(_ bytes: Bytes, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        // 0xE2 starts U+2028 and U+2029 (E2 80 A8, E2 80 A9), among other characters.
        if !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
            buffer.append(contentsOf: bytes)
            buffer.append(UInt8(ascii: "\""))
            return
        }
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            bytes.formIndex(after: &index)
            switch byte {
            case UInt8(ascii: "\""): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                buffer.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    hexDigit(byte >> 4), hexDigit(byte & 0xF),
                ])
            case 0xE2:
                var next = index
                guard next != bytes.endIndex, bytes[next] == 0x80 else {
                    buffer.append(byte)
                    continue
                }
                bytes.formIndex(after: &next)
                guard next != bytes.endIndex, bytes[next] == 0xA8 || bytes[next] == 0xA9 else {
                    buffer.append(byte)
                    continue
                }
                buffer.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "2"), UInt8(ascii: "0"), UInt8(ascii: "2"),
                    bytes[next] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"),
                ])
                index = bytes.index(after: next)
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// `text` as a JSON string literal, quotes included.
    ///
    /// - Parameter text: The text to quote.
    /// - Returns: The literal, e.g. `"a\"b"` for `a"b`.
    public static func literal(_ text: String) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(text.utf8.count + 2)
        append(text.utf8, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The lowercase hexadecimal digit of `value` (0 to 15).
    @usableFromInline
    static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
