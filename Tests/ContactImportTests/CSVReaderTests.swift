import ContactImport
import Foundation
import Testing

@Suite("CSVReader")
struct CSVReaderTests {
    /// Reads every record of `bytes` as (line, byte offset, fields).
    static func read(
        _ bytes: [UInt8],
        chunkSize: Int = 1 << 20,
        limits: CSVLimits = CSVLimits(),
        in directory: TemporaryDirectory
    ) throws -> (delimiter: UInt8, records: [(line: Int, offset: Int, fields: [String], raw: String)]) {
        let path = directory.path("input-\(UUID().uuidString).csv")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = try CSVReader(path: path, limits: limits, chunkSize: chunkSize)
        var record = CSVRecord()
        var records: [(line: Int, offset: Int, fields: [String], raw: String)] = []
        while try reader.next(into: &record) {
            records.append((record.line, record.byteOffset, (0..<record.count).map { record[$0] }, record.rawText))
        }
        return (reader.delimiter, records)
    }

    static func read(_ text: String, chunkSize: Int = 1 << 20, in directory: TemporaryDirectory) throws
        -> [[String]]
    {
        try read(Array(text.utf8), chunkSize: chunkSize, in: directory).records.map(\.fields)
    }

    @Test("quoted fields, doubled quotes, embedded newlines and every line ending")
    func rfc4180() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = "name,phone,note\r\n\"Smith, Jo\",+14155550100,\"said \"\"hi\"\"\nthen left\"\r\n"
            + "Plain,+14155550101,\r" + "Last,+14155550102,\"\""
        for chunkSize in [64, 65, 97, 1 << 20] {
            #expect(
                try Self.read(text, chunkSize: chunkSize, in: directory) == [
                    ["name", "phone", "note"],
                    ["Smith, Jo", "+14155550100", "said \"hi\"\nthen left"],
                    ["Plain", "+14155550101", ""],
                    ["Last", "+14155550102", ""],
                ]
            )
        }
    }

    @Test("records know the physical line and byte offset where they start; blank lines are skipped")
    func positions() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = "\u{FEFF}a,b\n\n\"x\ny\",1\n\r\nlast,2"
        let (_, records) = try Self.read(Array(text.utf8), in: directory)
        #expect(records.map(\.line) == [1, 3, 6])
        #expect(records.map(\.offset) == [3, 8, 18])
        #expect(records[1].raw == "\"x\ny\",1")
    }

    @Test("the delimiter is detected from the header", arguments: [",", ";", "\t", "|"])
    func delimiters(delimiter: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = ["name", "phone", "city"].joined(separator: delimiter) + "\n"
            + ["\"A, B\"", "+14155550100", "\"Pune; West\""].joined(separator: delimiter) + "\n"
        let result = try Self.read(Array(text.utf8), in: directory)
        #expect(result.delimiter == UInt8(ascii: Unicode.Scalar(delimiter)!))
        #expect(result.records.map(\.fields) == [["name", "phone", "city"], ["A, B", "+14155550100", "Pune; West"]])
    }

    @Test("a single-column file reads with the comma default")
    func singleColumn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(try Self.read("phone\n+14155550100\n", in: directory) == [["phone"], ["+14155550100"]])
    }

    @Test("stray quotes are kept; text after a closing quote is kept and flagged")
    func lenientQuotes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("q.csv")
        try Data("a,b\n5'10\",x\n\"Jo\"hn,y\n".utf8).write(to: URL(fileURLWithPath: path))
        let reader = try CSVReader(path: path)
        var record = CSVRecord()
        _ = try reader.next(into: &record)
        _ = try reader.next(into: &record)
        #expect(record[0] == "5'10\"")
        #expect(record.malformation == nil)
        _ = try reader.next(into: &record)
        #expect(record[0] == "John")
        #expect(record.malformation?.column == 1)
    }

    @Test("an unbalanced quote is an error at the line where the quote opens")
    func unbalancedQuote() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = "name,phone\nA,+14155550100\n\"B,+14155550101\nC,+14155550102\n"
        let error = #expect(throws: CSVError.self) { try Self.read(text, in: directory) }
        #expect(error?.code == .unterminatedQuote)
        #expect(error?.line == 3)
        #expect(error?.column == 1)
        #expect(error?.description.contains(":3:1: the quoted field that starts here is never closed") == true)
    }

    @Test("a 10 MB field stops at the field limit, quoted or not, and reads with a higher limit")
    func hugeField() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
        for quoted in [false, true] {
            var bytes = Array("name,phone\n".utf8)
            if quoted { bytes.append(UInt8(ascii: "\"")) }
            bytes += big
            if quoted { bytes.append(UInt8(ascii: "\"")) }
            bytes += Array(",+14155550100\n".utf8)
            let error = #expect(throws: CSVError.self) { try Self.read(bytes, in: directory) }
            #expect(error?.code == .fieldTooLarge)
            #expect(error?.line == 2)
            #expect(error?.column == 1)
            #expect(error?.reason.contains("maxFieldBytes") == true)

            // Under a raised limit a long field reads whole (2 MiB keeps the debug-build test quick).
            var shorter = Array("name,phone\n".utf8)
            if quoted { shorter.append(UInt8(ascii: "\"")) }
            shorter += [UInt8](repeating: UInt8(ascii: "x"), count: 2 << 20)
            if quoted { shorter.append(UInt8(ascii: "\"")) }
            shorter += Array(",+14155550100\n".utf8)
            let roomy = CSVLimits(maxFieldBytes: 3 << 20, maxRecordBytes: 4 << 20)
            let records = try Self.read(shorter, limits: roomy, in: directory).records
            #expect(records.count == 2)
            #expect(records[1].fields.map(\.utf8.count) == [2 << 20, 12])
        }
    }

    @Test("100,000 columns stop at the column limit")
    func manyColumns() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let header = (1...100_000).map { "c\($0)" }.joined(separator: ",") + "\n"
        let error = #expect(throws: CSVError.self) { try Self.read(header, in: directory) }
        #expect(error?.code == .tooManyColumns)
        #expect(error?.line == 1)
        #expect(error?.reason.contains("maxColumns") == true)
    }

    @Test("an empty file is an error")
    func empty() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for bytes in [[], [0xEF, 0xBB, 0xBF]] as [[UInt8]] {
            let error = #expect(throws: CSVError.self) { try Self.read(bytes, in: directory) }
            #expect(error?.code == .empty)
        }
    }

    @Test("UTF-16 and UTF-32, with or without a byte order mark, are refused at offset 0")
    func utf16() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = "name,phone\nA,+14155550100\n"
        let littleEndian = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let cases: [([UInt8], String)] = [
            ([0xFF, 0xFE] + littleEndian, "UTF-16LE"), ([0xFE, 0xFF] + bigEndian, "UTF-16BE"),
            (littleEndian, "UTF-16LE"), (bigEndian, "UTF-16BE"), ([0xFF, 0xFE, 0, 0, 0x6E, 0, 0, 0], "UTF-32LE"),
        ]
        for (bytes, encoding) in cases {
            let error = #expect(throws: CSVError.self) { try Self.read(bytes, in: directory) }
            #expect(error?.code == .notUTF8)
            #expect(error?.byteOffset == 0)
            #expect(error?.reason.contains(encoding) == true)
        }
    }

    @Test("a Latin-1 byte is refused with its line and exact byte offset")
    func latin1() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var bytes = Array("name,phone\nA,+14155550100\n\"M".utf8)
        let offset = bytes.count
        bytes += [0xFC] + Array("ller\nx\",+14155550101\n".utf8)
        let error = #expect(throws: CSVError.self) { try Self.read(bytes, in: directory) }
        #expect(error?.code == .notUTF8)
        #expect(error?.line == 3)
        #expect(error?.byteOffset == offset)
        #expect(error?.reason.contains("0xFC") == true)
    }

    @Test("binary input is an error, never a crash or a hang")
    func binary() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let bytes = (0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) }
            do {
                _ = try Self.read(bytes, chunkSize: 512, in: directory)
                Issue.record("random bytes were read as CSV")
            } catch let error as CSVError {
                #expect([.binary, .notUTF8, .unterminatedQuote].contains(error.code))
            }
        }
        let withNul = Array("name,phone\nA,+1415\0\n".utf8)
        let error = #expect(throws: CSVError.self) { try Self.read(withNul, in: directory) }
        #expect(error?.code == .binary)
        #expect(error?.byteOffset == 18)
    }

    @Test("random well-formed CSV reads the same with any chunk size")
    func chunkBoundaries() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["a", "b", ",", "\"", "\n", "\r\n", " ", "é", "😀"]
        var rows: [[String]] = []
        for _ in 0..<200 {
            rows.append(
                (0..<3).map { _ in
                    String((0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined())
                }
            )
        }
        rows = rows.filter { !$0.allSatisfy(\.isEmpty) }
        let text = rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }
            .joined(separator: "\n")
        for chunkSize in [64, 100, 333, 1 << 20] {
            #expect(try Self.read(text, chunkSize: chunkSize, in: directory) == rows)
        }
    }
}
