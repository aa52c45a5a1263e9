/// Writes one CSV field (RFC 4180) that a spreadsheet will show as text and never run: for every
/// CSV file the product writes (the reports and the rejects file).
///
/// Spreadsheets treat a cell that starts with `=`, `+`, `-` or `@` as a formula, and some strip a
/// leading tab or carriage return first; a contact list is hostile input, so such cells get a
/// leading `'`. A `+` or `-` followed by a plain number (an E.164 phone number, a negative amount)
/// is left alone so numbers stay readable; `-2+3+cmd|…` is not a plain number and is neutralized.
/// Fields holding the delimiter, a quote, CR or LF are quoted, with quotes doubled.
public enum CSVField {
    /// Appends `text` as one field (without a delimiter) to `buffer`.
    public static func append(_ text: String, to buffer: inout [UInt8]) {
        let utf8 = text.utf8
        let neutralize = needsNeutralizing(utf8)
        let quote = utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        }
        if quote { buffer.append(UInt8(ascii: "\"")) }
        if neutralize { buffer.append(UInt8(ascii: "'")) }
        if quote {
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                buffer.append(byte)
            }
            buffer.append(UInt8(ascii: "\""))
        } else {
            buffer.append(contentsOf: utf8)
        }
    }

    /// Appends a number, which needs neither quoting nor neutralizing.
    public static func append(_ number: Int, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: String(number).utf8)
    }

    /// Whether a spreadsheet could read `utf8` as a formula.
    public static func needsNeutralizing(_ utf8: String.UTF8View) -> Bool {
        guard let first = utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
            return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            return !isPlainNumber(utf8.dropFirst())
        default:
            return false
        }
    }

    /// Digits with at most one decimal point, and at least one digit.
    private static func isPlainNumber(_ utf8: Substring.UTF8View) -> Bool {
        var digits = 0
        var points = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }
}
