/// The digits of a phone number as written, with its `+` and extension, before any numbering plan
/// is consulted: punctuation and `tel:` syntax removed, Unicode digits (Devanagari, Arabic-Indic,
/// full-width, …) folded to 0–9, and damage that makes the text unusable reported with its column.
struct PhoneText: Equatable, Sendable {
    /// libphonenumber reads at most this many characters.
    static let maximumLength = 250

    /// Whether the number starts with `+`.
    var hasPlus: Bool
    /// Digit values 0–9.
    var digits: [UInt8]
    /// Extension digits, if any.
    var phoneExtension: String?

    /// Reads `text`.
    static func scan(_ text: String) -> Result<PhoneText, PhoneNumberError> {
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            guard scalars.count < maximumLength else {
                return .failure(PhoneNumberError(
                    .inputTooLong,
                    "longer than \(maximumLength) characters, which no phone number is"
                ))
            }
            scalars.append(scalar)
        }
        var start = 0
        var end = scalars.count
        while start < end, isIgnorable(scalars[start]) || isWhitespace(scalars[start]) { start += 1 }
        while end > start, isIgnorable(scalars[end - 1]) || isWhitespace(scalars[end - 1]) { end -= 1 }
        guard start < end else { return .failure(PhoneNumberError(.empty, "empty")) }

        if isScientificNotation(scalars[start..<end]) {
            return .failure(PhoneNumberError(
                .excelScientificNotation,
                "the digits were lost to scientific notation (a spreadsheet showed the number as "
                    + "\(String(String.UnicodeScalarView(scalars[start..<end])))); "
                    + "export the column formatted as text"
            ))
        }

        var body = Array(scalars[start..<end])
        var column = start  // body[0]'s 0-based position in the input
        var phoneExtension: String?
        if body.count >= 4, body[0] == "t" || body[0] == "T",
            String(String.UnicodeScalarView(body[0..<4])).lowercased() == "tel:"
        {
            switch readURI(Array(body[4...])) {
            case .success(let (number, parameters)):
                body = number
                column += 4
                phoneExtension = parameters
            case .failure(let error):
                return .failure(error)
            }
        } else {
            switch splitExtension(body, column: column) {
            case .success(let (number, found)):
                body = number
                phoneExtension = found
            case .failure(let error):
                return .failure(error)
            }
        }
        return readDigits(body, column: column).map {
            PhoneText(hasPlus: $0.hasPlus, digits: $0.digits, phoneExtension: phoneExtension)
        }
    }

    /// Invisible characters that spreadsheets and web forms leave behind.
    private static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFEFF, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x00AD, 0x202A...0x202E: true
        default: false
        }
    }

    /// Unicode whitespace, with the ASCII answer found without a property lookup (the common case,
    /// and the lookup dominated parsing time).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || ("\t"..."\r").contains(scalar) }
        return scalar.properties.isWhitespace
    }

    /// A letter of any script, with the ASCII answer found without a property lookup.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        return scalar.properties.isAlphabetic
    }

    /// Punctuation people write inside numbers.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            switch scalar {
            case " ", "\t"..."\r", "-", ".", "(", ")", "/", "[", "]", "~": return true
            default: return false
            }
        }
        if scalar.properties.isWhitespace { return true }
        switch scalar {
        case "-", ".", "(", ")", "/", "[", "]", "~", "\u{2010}"..."\u{2015}", "\u{2212}", "\u{30FC}", "\u{FF0D}",
            "\u{FF0E}", "\u{FF0F}", "\u{FF08}", "\u{FF09}", "\u{30FB}", "\u{00B7}":
            return true
        default:
            return isIgnorable(scalar)
        }
    }

    /// The value of a decimal digit in any script.
    private static func digitValue(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.isASCII {
            return ("0"..."9").contains(scalar) ? UInt8(scalar.value - 48) : nil
        }
        let properties = scalar.properties
        guard properties.generalCategory == .decimalNumber, let value = properties.numericValue,
            value >= 0, value <= 9
        else { return nil }
        return UInt8(value)
    }

    /// `9.19877E+11`, `9,19877E+11`, `1E+12`: how spreadsheets show long numbers.
    private static func isScientificNotation(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var index = scalars.startIndex
        func digits() -> Int {
            let first = index
            while index < scalars.endIndex, ("0"..."9").contains(scalars[index]) { index += 1 }
            return index - first
        }
        if index < scalars.endIndex, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
        guard digits() > 0 else { return false }
        if index < scalars.endIndex, scalars[index] == "." || scalars[index] == "," {
            index += 1
            guard digits() > 0 else { return false }
        }
        guard index < scalars.endIndex, scalars[index] == "e" || scalars[index] == "E" else { return false }
        index += 1
        if index < scalars.endIndex, scalars[index] == "+" { index += 1 }
        return digits() > 0 && index == scalars.endIndex
    }

    /// Splits `123 456 ext. 78`, `123456 x78`, `123456#78` into number and extension; letters that are
    /// not an extension marker are an error at their column.
    private static func splitExtension(
        _ body: [Unicode.Scalar],
        column: Int
    ) -> Result<([Unicode.Scalar], String?), PhoneNumberError> {
        guard let markerStart = body.firstIndex(where: { isLetter($0) || $0 == "#" }) else {
            return .success((body, nil))
        }
        var marker = ""
        var digits = ""
        var index = markerStart
        while index < body.count, isLetter(body[index]) || body[index] == "#" || body[index] == "." {
            marker.unicodeScalars.append(body[index])
            index += 1
        }
        while index < body.count, body[index] == ":" || body[index] == "=" || isSeparator(body[index]) { index += 1 }
        while index < body.count, let digit = digitValue(body[index]) {
            digits.append(Character(Unicode.Scalar(digit + 48)))
            index += 1
        }
        if index < body.count, body[index] == "#" { index += 1 }
        let markers: Set<String> = ["ext", "ext.", "extn", "extn.", "extension", "x", "x.", "#", "anexo", "доб", "доб."]
        let hasNumberBefore = body[..<markerStart].contains { digitValue($0) != nil }
        if markers.contains(marker.lowercased()), hasNumberBefore, (1...10).contains(digits.count), index == body.count {
            return .success((Array(body[..<markerStart]), digits))
        }
        let letters = String(String.UnicodeScalarView(body[markerStart...].prefix { isLetter($0) }))
        let what = letters.isEmpty ? "'#'" : "letters ('\(letters.prefix(20))')"
        return .failure(PhoneNumberError(
            .notANumber,
            "\(what) at column \(column + markerStart + 1): a phone number has only digits, spaces and + - . ( )",
            column: column + markerStart + 1
        ))
    }

    /// Reads the part of an RFC 3966 `tel:` URI after the scheme: the number, then `;ext=`,
    /// `;phone-context=` (a `+…` context is the number's prefix) and other parameters, which are ignored.
    private static func readURI(
        _ scalars: [Unicode.Scalar]
    ) -> Result<([Unicode.Scalar], String?), PhoneNumberError> {
        let parts = scalars.split(separator: ";", omittingEmptySubsequences: false)
        var number = Array(parts.first ?? [])
        var phoneExtension: String?
        for parameter in parts.dropFirst() {
            let text = String(String.UnicodeScalarView(parameter))
            let lowered = text.lowercased()
            if lowered.hasPrefix("ext=") {
                let digits = text.dropFirst(4)
                guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
                    return .failure(PhoneNumberError(.notANumber, "the tel: extension '\(digits.prefix(20))' is not digits"))
                }
                phoneExtension = String(digits)
            } else if lowered.hasPrefix("phone-context=") {
                let context = Array(parameter.dropFirst("phone-context=".count))
                if context.first == "+" { number = context + number }
            }
        }
        return .success((number, phoneExtension))
    }

    /// Collects the digits and the leading `+`.
    private static func readDigits(
        _ body: [Unicode.Scalar],
        column: Int
    ) -> Result<(hasPlus: Bool, digits: [UInt8]), PhoneNumberError> {
        var hasPlus = false
        var digits: [UInt8] = []
        digits.reserveCapacity(body.count)
        for (offset, scalar) in body.enumerated() {
            if let digit = digitValue(scalar) {
                digits.append(digit)
            } else if scalar == "+" || scalar == "\u{FF0B}" {
                guard digits.isEmpty, !hasPlus else {
                    return .failure(PhoneNumberError(
                        .notANumber,
                        "a '+' at column \(column + offset + 1) inside the number; '+' may only start it",
                        column: column + offset + 1
                    ))
                }
                hasPlus = true
            } else if !isSeparator(scalar) {
                let shown = isLetter(scalar) ? "letter '\(scalar)'" : "character '\(scalar.escaped(asASCII: true))'"
                return .failure(PhoneNumberError(
                    .notANumber,
                    "\(shown) at column \(column + offset + 1): a phone number has only digits, spaces and + - . ( )",
                    column: column + offset + 1
                ))
            }
        }
        guard !digits.isEmpty else {
            return .failure(PhoneNumberError(.notANumber, "no digits"))
        }
        return .success((hasPlus, digits))
    }
}
