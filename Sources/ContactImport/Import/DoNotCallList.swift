import PhoneNumbers

/// A do-not-call file: one number per line (or per row, in the first column of a CSV), with
/// blank lines, `#` comments and a header line allowed.
struct DoNotCallList {
    /// The valid numbers, in E.164, without repeats.
    var numbers: [String] = []
    /// Lines that hold something that is not a valid number (the header excepted).
    var invalidLines: [(line: Int, text: String, reason: String)] = []

    /// Reads `path`, reading national numbers in `defaultRegion`.
    init(path: String, parser: PhoneNumberParser, defaultRegion: String?) throws {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path)
        } catch let error as CSVError where error.code == .empty {
            return
        }
        var record = CSVRecord()
        var seen = Set<String>()
        var first = true
        while try reader.next(into: &record) {
            let text = record[0].trimmingWhitespace()
            defer { first = false }
            if text.isEmpty || text.hasPrefix("#") { continue }
            switch parser.parse(text, defaultRegion: defaultRegion) {
            case .success(let number):
                if seen.insert(number.e164).inserted { numbers.append(number.e164) }
            case .failure(let error):
                let looksLikeHeader = first && text.unicodeScalars.contains { $0.properties.isAlphabetic }
                if !looksLikeHeader { invalidLines.append((record.line, text, error.description)) }
            }
        }
    }
}
