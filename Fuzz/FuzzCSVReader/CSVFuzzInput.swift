import ContactImport
import Foundation

/// Reading fuzz inputs through the reader's in-memory source (the same parser and chunked refills
/// as a file, without writing one per input), and the reference encoder the round trip uses.
enum CSVFuzzInput {
    /// One record as read, copied out of the reader's reused storage.
    struct Record: Equatable {
        var line: Int
        var byteOffset: Int
        var raw: [UInt8]
        var fields: [[UInt8]]
    }

    /// Everything one read produced: the records before the end or the first error, and that error.
    struct Outcome: Equatable {
        var delimiter: UInt8?
        var records: [Record] = []
        var error: CSVError?
    }

    static func read(_ bytes: [UInt8], delimiter: UInt8? = nil, limits: CSVLimits = CSVLimits(), chunkSize: Int) -> Outcome {
        var outcome = Outcome()
        do {
            let reader = try CSVReader(bytes: bytes, name: "fuzz.csv", delimiter: delimiter, limits: limits, chunkSize: chunkSize)
            outcome.delimiter = reader.delimiter
            var record = CSVRecord()
            while try reader.next(into: &record) {
                outcome.records.append(Record(
                    line: record.line,
                    byteOffset: record.byteOffset,
                    raw: record.raw,
                    fields: (0..<record.count).map { Array(record.bytes(at: $0)) }
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

    /// The physical line (1-based) of byte `offset`: one more than the line ends (LF, CR, CRLF) before it.
    static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while index < offset {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
            } else if bytes[index] == UInt8(ascii: "\r") {
                line += 1
                if index + 1 < offset, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            }
            index += 1
        }
        return line
    }

    /// Stops the run with the input shown when a property does not hold (libFuzzer saves the input).
    static func require(_ condition: Bool, _ message: @autoclosure () -> String, _ input: [UInt8]) {
        guard !condition else { return }
        let shown = String(decoding: input.prefix(400), as: UTF8.self).debugDescription
        fatalError("CSV property failed: \(message())\ninput: \(shown)")
    }
}
