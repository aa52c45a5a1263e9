import ContactImport
import Testing

/// Inputs that `Fuzz/FuzzCSVReader` found breaking a property of the reader, kept as tests.
@Suite("CSVReader fuzz regressions")
struct CSVReaderFuzzRegressionTests {
    /// A 300-byte record of short fields under a 160-byte record limit: it was refused when it fell
    /// across reads but accepted when one read held it whole.
    static let longRecord = "name,phone,note\nA,+14155550100," + Array(repeating: String(repeating: "y", count: 30), count: 10)
        .joined(separator: ",") + "\n"

    @Test("the record limit holds whatever the chunk size", arguments: [64, 65, 124, 1 << 20])
    func recordLimitIndependentOfChunks(chunkSize: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let limits = CSVLimits(maxFieldBytes: 48, maxColumns: 12, maxRecordBytes: 160)
        let error = #expect(throws: CSVError.self) {
            try CSVReaderTests.read(Array(Self.longRecord.utf8), chunkSize: chunkSize, limits: limits, in: directory)
        }
        #expect(error?.code == .recordTooLarge)
        #expect(error?.line == 2)
        #expect(error?.byteOffset == 16)
        #expect(error?.reason.contains("maxRecordBytes") == true)
    }

    @Test("a record exactly at the record limit reads, whichever byte ends a read")
    func recordAtTheLimit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // 160 bytes of record, then CRLF: for some chunk sizes the CR is the last byte of a read.
        let record = "A,+14155550100," + String(repeating: "z", count: 160 - 15)
        let text = "name,phone,note\r\n" + record + "\r\n" + record + "\r\n"
        let limits = CSVLimits(maxFieldBytes: 160, maxColumns: 12, maxRecordBytes: 160)
        for chunkSize in 64...400 {
            let records = try CSVReaderTests.read(Array(text.utf8), chunkSize: chunkSize, limits: limits, in: directory).records
            #expect(records.map(\.raw) == ["name,phone,note", record, record], "chunk size \(chunkSize)")
        }
    }

    /// A first line longer than the first read: the delimiter was chosen from the part read so far.
    @Test("the delimiter is detected from the whole first line, whatever the chunk size", arguments: [64, 65, 68, 1 << 20])
    func delimiterIndependentOfChunks(chunkSize: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = "name,note" + String(repeating: "K", count: 80) + ";phone;city\nAsha;x;+919876543210;Pune\n"
        let (delimiter, records) = try CSVReaderTests.read(Array(text.utf8), chunkSize: chunkSize, in: directory)
        #expect(delimiter == UInt8(ascii: ";"))
        #expect(records.map(\.fields.count) == [3, 4])
    }
}
