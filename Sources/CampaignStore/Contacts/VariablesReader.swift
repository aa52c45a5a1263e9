/// Reads the JSON object text of `contacts.variables` as name–value pairs in stored order: the one
/// parser of stored variables, behind ``ContactVariables/pairs`` and ``ContactVariables/dictionary``
/// (the reports, the engine's call metadata).
///
/// Hand-written because the CSV export reads one object per contact, a million per report
/// (`scripts/bench-export.sh`), and `JSONSerialization` or `JSONDecoder` lose the key order that the
/// CSV columns follow and allocate a dictionary per row. String values are unescaped; any other
/// value (a number, `true`, `null`, a nested object) is kept as its JSON text. Text that is not a
/// JSON object yields no pairs.
struct VariablesReader {
    private let bytes: [UInt8]
    private var index = 0

    private init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The pairs of `json`, or an empty array when it is not a JSON object.
    static func pairs(_ json: String) -> [(name: String, value: String)] {
        var reader = VariablesReader(json)
        return reader.readObject() ?? []
    }

    private mutating func readObject() -> [(name: String, value: String)]? {
        skipWhitespace()
        guard consume(UInt8(ascii: "{")) else { return nil }
        var pairs: [(name: String, value: String)] = []
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return pairs }
        while true {
            skipWhitespace()
            guard let name = readString() else { return nil }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { return nil }
            skipWhitespace()
            let value: String
            if peek() == UInt8(ascii: "\"") {
                guard let text = readString() else { return nil }
                value = text
            } else {
                let start = index
                guard skipValue(), index > start else { return nil }
                value = String(decoding: bytes[start..<index], as: UTF8.self)
            }
            pairs.append((name, value))
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            guard consume(UInt8(ascii: "}")) else { return nil }
            return pairs
        }
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t")
        {
            index += 1
        }
    }

    /// Reads a string literal at `index`, unescaping it.
    private mutating func readString() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        // Fast path: no escapes.
        while let byte = peek(), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") { index += 1 }
        guard let stop = peek() else { return nil }
        if stop == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: bytes[start..<index - 1], as: UTF8.self)
        }
        var output = Array(bytes[start..<index])
        while let byte = peek() {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = peek() else { return nil }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escaped)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "r"): output.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "t"): output.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "u"):
                    guard let scalar = readUnicodeEscape() else { return nil }
                    output.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            default:
                output.append(byte)
            }
        }
        return nil
    }

    /// Reads the four hex digits after `\u` (and a following low surrogate escape, if any).
    private mutating func readUnicodeEscape() -> Unicode.Scalar? {
        guard let high = readHex4() else { return nil }
        if (0xD800..<0xDC00).contains(high) {
            let save = index
            if consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")), let low = readHex4(),
                (0xDC00..<0xE000).contains(low)
            {
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            }
            index = save
            return "\u{FFFD}"
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    private mutating func readHex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// Skips one non-string value: a number, literal, array or object, tracking strings inside it.
    private mutating func skipValue() -> Bool {
        var depth = 0
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                guard readString() != nil else { return false }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return true }
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 0 { return true }
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                if depth == 0 { return true }
            default:
                break
            }
            index += 1
        }
        return depth == 0
    }
}
