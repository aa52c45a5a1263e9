import ContactImport
import Foundation
import Testing

/// Every ``CSVLimits`` bound on every path a record can take through the reader: the header, a
/// middle record, the last record with and without a line end, quoted and unquoted fields, a
/// trailing empty field, and LF / CRLF / CR-only line ends, in chunks small and large. Under a
/// limit, a record either reads within it or stops the read with that limit's error; none that
/// breaks it reaches the caller.
@Suite("CSVReader limits on every path")
struct CSVLimitPathTests {
    /// The records read before the end or the first error, and that error.
    struct Outcome {
        var records: [[String]] = []
        var raws: [Int] = []
        var error: CSVError?
    }

    static func read(_ bytes: [UInt8], limits: CSVLimits, chunkSize: Int) -> Outcome {
        var outcome = Outcome()
        do {
            let reader = try CSVReader(bytes: bytes, name: "limits.csv", limits: limits, chunkSize: chunkSize)
            var record = CSVRecord()
            while try reader.next(into: &record) {
                outcome.records.append((0..<record.count).map { record[$0] })
                outcome.raws.append(record.raw.count)
            }
        } catch let error as CSVError {
            outcome.error = error
        } catch {
            Issue.record("CSVReader threw \(type(of: error)), not CSVError")
        }
        return outcome
    }

    @Test("the fuzzers' inputs: a trailing delimiter at the end of the file is a field the column limit counts")
    func trailingDelimiterAtEndOfFile() {
        let tight = CSVLimits(maxFieldBytes: 48, maxColumns: 12, maxRecordBytes: 160)
        let inputs = [
            "c0,`c1,c2,c37,c18,c19,c20,c21,cSequenc32,c33,c34,nac3me5,",
            "c0,c1,c2,c77,c18,c19,c20,c21,c22,c23c28,c234,nac3me5,",
        ]
        for input in inputs {
            for chunkSize in [64, 97, 1 << 20] {
                let outcome = Self.read(Array(input.utf8), limits: tight, chunkSize: chunkSize)
                #expect(outcome.records.isEmpty, "\(input) read \(outcome.records.map(\.count)) fields")
                #expect(outcome.error?.code == .tooManyColumns)
                #expect(outcome.error?.line == 1)
                #expect(outcome.error?.column == 13)
            }
            // With room for the thirteenth, empty field, it is read.
            let roomy = CSVLimits(maxFieldBytes: 48, maxColumns: 13, maxRecordBytes: 160)
            let outcome = Self.read(Array(input.utf8), limits: roomy, chunkSize: 64)
            #expect(outcome.error == nil)
            #expect(outcome.records.map(\.count) == [13])
            #expect(outcome.records.first?.last == "")
        }
    }

    /// A record shape to place at each position of a file.
    struct Shape: CustomStringConvertible {
        var description: String
        var fields: [String]
        var quoted: Bool
        var trailingDelimiter: Bool

        func text() -> String {
            var line = fields.map { quoted ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ",")
            if trailingDelimiter { line += "," }
            return line
        }

        var columns: Int { fields.count + (trailingDelimiter ? 1 : 0) }
    }

    static let limits = CSVLimits(maxFieldBytes: 10, maxColumns: 4, maxRecordBytes: 40)

    /// Records at, just over and well over each limit.
    static let shapes: [Shape] = [
        Shape(description: "4 columns", fields: ["a", "b", "c", "d"], quoted: false, trailingDelimiter: false),
        Shape(description: "5 columns", fields: ["a", "b", "c", "d", "e"], quoted: false, trailingDelimiter: false),
        Shape(description: "3 columns and a trailing delimiter", fields: ["a", "b", "c"], quoted: false, trailingDelimiter: true),
        Shape(description: "4 columns and a trailing delimiter", fields: ["a", "b", "c", "d"], quoted: false, trailingDelimiter: true),
        Shape(description: "4 quoted columns and a trailing delimiter", fields: ["a", "b", "c", "d"], quoted: true, trailingDelimiter: true),
        Shape(description: "a 10-byte field", fields: ["0123456789", "b"], quoted: false, trailingDelimiter: false),
        Shape(description: "an 11-byte field", fields: ["0123456789x", "b"], quoted: false, trailingDelimiter: false),
        Shape(description: "an 11-byte quoted field", fields: ["01234\n6789x", "b"], quoted: true, trailingDelimiter: false),
        Shape(description: "a 10-byte quoted field with doubled quotes", fields: ["\"1\"3\"5\"7\"9", "b"], quoted: true, trailingDelimiter: false),
        Shape(description: "a 40-byte record", fields: ["0123456789", "0123456789", "0123456789", "0123456"], quoted: false, trailingDelimiter: false),
        Shape(description: "a 41-byte record", fields: ["0123456789", "0123456789", "0123456789", "01234567"], quoted: false, trailingDelimiter: false),
        Shape(description: "a 41-byte quoted record", fields: ["0123456", "01234567", "0123456789", "01234"], quoted: true, trailingDelimiter: false),
    ]

    @Test(
        "each limit holds for the header, a middle record and the last record, with every line end",
        arguments: ["\n", "\r\n", "\r"]
    )
    func everyPath(lineEnd: String) {
        let plain = "x,y"
        for shape in Self.shapes {
            let placements: [(String, [String], Bool)] = [
                ("header", [shape.text(), plain], true),
                ("middle", [plain, shape.text(), plain], true),
                ("last, with a line end", [plain, shape.text()], true),
                ("last, without a line end", [plain, shape.text()], false),
            ]
            for (place, lines, endsWithLineEnd) in placements {
                let text = lines.joined(separator: lineEnd) + (endsWithLineEnd ? lineEnd : "")
                for chunkSize in [64, 65, 1 << 20] {
                    let outcome = Self.read(Array(text.utf8), limits: Self.limits, chunkSize: chunkSize)
                    let context = "\(shape), \(place), line end \(lineEnd.debugDescription), chunk \(chunkSize)"
                    for (fields, raw) in zip(outcome.records, outcome.raws) {
                        #expect(fields.count <= Self.limits.maxColumns, "\(context): \(fields.count) columns read")
                        #expect(fields.allSatisfy { $0.utf8.count <= Self.limits.maxFieldBytes }, "\(context): a long field read")
                        #expect(raw <= Self.limits.maxRecordBytes, "\(context): a \(raw)-byte record read")
                    }
                    let breaks = shape.columns > Self.limits.maxColumns
                        || shape.fields.contains { $0.utf8.count > Self.limits.maxFieldBytes }
                        || shape.text().utf8.count > Self.limits.maxRecordBytes
                    if breaks {
                        #expect(outcome.error != nil, "\(context): no error")
                        #expect(
                            [.tooManyColumns, .fieldTooLarge, .recordTooLarge].contains(outcome.error?.code),
                            "\(context): \(String(describing: outcome.error))"
                        )
                        #expect(outcome.records.count == lines.firstIndex(of: shape.text()), "\(context): records before the error")
                    } else {
                        #expect(outcome.error == nil, "\(context): \(String(describing: outcome.error))")
                        #expect(outcome.records.count == lines.count, "\(context)")
                    }
                }
            }
        }
    }

    @Test("bytes in memory read exactly as the same bytes in a file, records and errors alike")
    func memoryMatchesFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var generator = SystemRandomNumberGenerator()
        let alphabet: [[UInt8]] = [[0x61], [0x2C], [0x3B], [0x22], [0x0A], [0x0D], [0x0D, 0x0A], [0x20], [0xC3, 0xA9], [0xFF], [0x00]]
        let tight = CSVLimits(maxFieldBytes: 48, maxColumns: 12, maxRecordBytes: 160)
        for round in 0..<300 {
            let bytes = (0..<Int.random(in: 1...600, using: &generator)).flatMap { _ in
                alphabet[Int.random(in: 0..<(round % 3 == 0 ? alphabet.count : 9), using: &generator)]
            }
            let path = directory.path("same-\(round).csv")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            for limits in [CSVLimits(), tight] {
                for chunkSize in [64, 100, 1 << 20] {
                    let fromFile = Self.readFile(path, limits: limits, chunkSize: chunkSize)
                    let fromMemory = Self.read(bytes, limits: limits, chunkSize: chunkSize)
                    #expect(fromFile.records == fromMemory.records)
                    #expect(fromFile.error?.code == fromMemory.error?.code)
                    #expect(fromFile.error?.line == fromMemory.error?.line)
                    #expect(fromFile.error?.byteOffset == fromMemory.error?.byteOffset)
                }
            }
        }
    }

    static func readFile(_ path: String, limits: CSVLimits, chunkSize: Int) -> Outcome {
        var outcome = Outcome()
        do {
            let reader = try CSVReader(path: path, limits: limits, chunkSize: chunkSize)
            var record = CSVRecord()
            while try reader.next(into: &record) {
                outcome.records.append((0..<record.count).map { record[$0] })
            }
        } catch let error as CSVError {
            outcome.error = error
        } catch {
            Issue.record("CSVReader threw \(type(of: error)), not CSVError")
        }
        return outcome
    }
}
