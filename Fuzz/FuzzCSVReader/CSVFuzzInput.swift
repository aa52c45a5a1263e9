import ContactImport
import Foundation

/// Reading fuzz inputs through the reader's in-memory source (the same parser and chunked refills
/// as a file, without writing one per input), and the reference encoder the round trip uses.
enum CSVFuzzInput {
    /// One record as read. Its fields live in the outcome's one flat buffer: a few allocations per
    /// read rather than one per field, which under AddressSanitizer (a stack trace per allocation)
    /// made up most of the target's time.
    struct Record: Equatable {
        var line: Int
        var byteOffset: Int
        var rawCount: Int
        /// The record's fields: `fieldEnds[firstField..<firstField + fieldCount]`.
        var firstField: Int
        var fieldCount: Int
    }

    /// Everything one read produced: the records before the end or the first error, and that error.
    struct Outcome: Equatable {
        var delimiter: UInt8?
        var records: [Record] = []
        var error: CSVError?
        /// Every field's bytes, one after another, and where each field ends in them.
        var bytes: [UInt8] = []
        var fieldEnds: [Int] = []

        /// The fields of `record`, copied out.
        func fields(of record: Record) -> [[UInt8]] {
            (record.firstField..<(record.firstField + record.fieldCount)).map { index in
                Array(bytes[(index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]])
            }
        }

        /// The lengths of the fields of `record`.
        func fieldLengths(of record: Record) -> [Int] {
            (record.firstField..<(record.firstField + record.fieldCount)).map { index in
                fieldEnds[index] - (index == 0 ? 0 : fieldEnds[index - 1])
            }
        }

        /// Every record's fields, for writing them back.
        var allFields: [[[UInt8]]] { records.map(fields(of:)) }

        /// Whether `other` read the same first records as this one (fields included), and no more.
        func hasPrefix(_ other: Outcome) -> Bool {
            guard records.starts(with: other.records) else { return false }
            let fieldCount = other.records.last.map { $0.firstField + $0.fieldCount } ?? 0
            return fieldEnds.starts(with: other.fieldEnds.prefix(fieldCount))
                && bytes.starts(with: other.bytes.prefix(fieldCount == 0 ? 0 : other.fieldEnds[fieldCount - 1]))
        }
    }

    static func read(_ bytes: [UInt8], delimiter: UInt8? = nil, limits: CSVLimits = CSVLimits(), chunkSize: Int) -> Outcome {
        var outcome = Outcome()
        do {
            let reader = try CSVReader(bytes: bytes, name: "fuzz.csv", delimiter: delimiter, limits: limits, chunkSize: chunkSize)
            outcome.delimiter = reader.delimiter
            var record = CSVRecord()
            while try reader.next(into: &record) {
                // Each record's raw text is the input's bytes at its offset (checked here, uncopied).
                let end = record.byteOffset + record.raw.count
                let same = end <= bytes.count && bytes.withUnsafeBytes { input in
                    record.raw.withUnsafeBytes { raw in
                        raw.isEmpty || memcmp(input.baseAddress! + record.byteOffset, raw.baseAddress!, raw.count) == 0
                    }
                }
                require(same, "raw text is not the file's bytes", bytes)
                let first = outcome.fieldEnds.count
                for index in 0..<record.count {
                    outcome.bytes.append(contentsOf: record.bytes(at: index))
                    outcome.fieldEnds.append(outcome.bytes.count)
                }
                outcome.records.append(Record(
                    line: record.line,
                    byteOffset: record.byteOffset,
                    rawCount: record.raw.count,
                    firstField: first,
                    fieldCount: record.count
                ))
            }
        } catch let error as CSVError {
            outcome.error = error
        } catch {
            fatalError("CSVReader threw \(type(of: error)), not CSVError: \(error)")
        }
        return outcome
    }

    /// RFC 4180 with a byte order mark in front (so a first field that itself starts with one keeps it):
    /// a field is quoted when it holds the delimiter, a quote or a line break, or when it is the only,
    /// empty field of its record (which would otherwise be a blank line).
    static func encode(_ records: [[[UInt8]]], delimiter: UInt8) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        let quote = UInt8(ascii: "\"")
        for fields in records {
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(delimiter) }
                let special: Set<UInt8> = [delimiter, quote, UInt8(ascii: "\n"), UInt8(ascii: "\r")]
                if field.contains(where: special.contains) || (fields.count == 1 && field.isEmpty) {
                    out.append(quote)
                    for byte in field {
                        if byte == quote { out.append(quote) }
                        out.append(byte)
                    }
                    out.append(quote)
                } else {
                    out += field
                }
            }
            out.append(UInt8(ascii: "\r"))
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// The physical line (1-based) of every byte offset of `bytes` (and of the end): one more than the
    /// line ends (LF, CR, CRLF) before it. Computed once per input: looking each record's line up
    /// from the start made the target quadratic in the number of records.
    static func lines(in bytes: [UInt8]) -> [Int] {
        var lines = [Int](repeating: 1, count: bytes.count + 1)
        var line = 1
        var index = 0
        while index < bytes.count {
            lines[index] = line
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
            } else if bytes[index] == UInt8(ascii: "\r") {
                // A CRLF is one line end, counted at its CR.
                line += 1
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                    lines[index] = line
                }
            }
            index += 1
        }
        lines[bytes.count] = line
        return lines
    }

    /// Stops the run with the input shown when a property does not hold (libFuzzer saves the input).
    static func require(_ condition: Bool, _ message: @autoclosure () -> String, _ input: [UInt8]) {
        guard !condition else { return }
        let shown = String(decoding: input.prefix(400), as: UTF8.self).debugDescription
        fatalError("CSV property failed: \(message())\ninput: \(shown)")
    }
}
