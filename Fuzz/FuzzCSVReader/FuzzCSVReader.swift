import ContactImport
import Foundation

/// libFuzzer entry point for the streaming CSV reader.
///
/// Every input is read from memory (through the same parser and chunked refills as a file) four ways: with the default limits in one large chunk
/// (the reference), in small chunks (so records straddle refills), and with tight limits in small and
/// large chunks. The properties checked:
/// - reading either succeeds or throws a ``CSVError`` whose position lies inside the file;
/// - the chunk size never changes the outcome: the same records, the same error;
/// - tight limits give a prefix of the reference records and then a limit error, and no record they
///   let through breaks a limit;
/// - each record's raw text is the input's bytes at its byte offset (checked on every read), and its
///   line number counts the line ends (LF, CR, CRLF) before that offset;
/// - the fields, written back as RFC 4180 and read again, give the same records.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = Array(UnsafeRawBufferPointer(start: start, count: count))
    let smallChunk = 64 + count % 61
    let tight = CSVLimits(maxFieldBytes: 48, maxColumns: 12, maxRecordBytes: 160)

    let reference = CSVFuzzInput.read(input, chunkSize: 1 << 20)
    let chunked = CSVFuzzInput.read(input, chunkSize: smallChunk)
    CSVFuzzInput.require(
        chunked == reference,
        "chunk size \(smallChunk) changed the outcome: \(chunked.records.count) records and \(String(describing: chunked.error))"
            + " against \(reference.records.count) and \(String(describing: reference.error))",
        input
    )

    let tightSmall = CSVFuzzInput.read(input, limits: tight, chunkSize: smallChunk)
    let tightLarge = CSVFuzzInput.read(input, limits: tight, chunkSize: 1 << 20)
    // A record that breaks two limits may be reported for either, depending on which the reader
    // meets first; the records read and the kind of error must not depend on the chunk size.
    let limitCodes: [CSVError.Code] = [.fieldTooLarge, .recordTooLarge, .tooManyColumns]
    CSVFuzzInput.require(
        tightSmall.records == tightLarge.records && tightSmall.bytes == tightLarge.bytes
            && tightSmall.fieldEnds == tightLarge.fieldEnds
            && (tightSmall.error?.code == tightLarge.error?.code
                || [tightSmall.error, tightLarge.error].allSatisfy { $0.map { limitCodes.contains($0.code) } ?? false }),
        "chunk size changed the outcome under tight limits: \(String(describing: tightSmall.error)) against \(String(describing: tightLarge.error))",
        input
    )
    CSVFuzzInput.require(
        reference.hasPrefix(tightSmall),
        "tight limits changed the records read",
        input
    )
    if tightSmall.error != reference.error, let code = tightSmall.error?.code {
        CSVFuzzInput.require(
            limitCodes.contains(code),
            "tight limits gave \(code), which is not a limit error",
            input
        )
    }
    for record in tightSmall.records {
        CSVFuzzInput.require(record.rawCount <= tight.maxRecordBytes, "a record over maxRecordBytes was read", input)
        CSVFuzzInput.require(record.fieldCount <= tight.maxColumns, "a record over maxColumns was read", input)
        CSVFuzzInput.require(
            tightSmall.fieldLengths(of: record).allSatisfy { $0 <= tight.maxFieldBytes },
            "a field over maxFieldBytes was read",
            input
        )
    }

    if let error = reference.error {
        CSVFuzzInput.require((error.line ?? 1) >= 1, "error line \(error.line ?? 0) < 1", input)
        CSVFuzzInput.require((0...max(count, 0)).contains(error.byteOffset ?? 0), "error offset outside the file", input)
    }
    let lines = CSVFuzzInput.lines(in: input)
    for record in reference.records {
        CSVFuzzInput.require(record.line == lines[record.byteOffset], "wrong line number \(record.line)", input)
    }

    // Write the fields back and read them again with the same delimiter.
    guard let delimiter = reference.delimiter, !reference.records.isEmpty else { return 0 }
    let rewritten = CSVFuzzInput.encode(reference.allFields, delimiter: delimiter)
    let reread = CSVFuzzInput.read(rewritten, delimiter: delimiter, chunkSize: smallChunk)
    CSVFuzzInput.require(reread.error == nil, "rewritten records do not read: \(reread.error.map(String.init(describing:)) ?? "")", input)
    CSVFuzzInput.require(
        reread.allFields == reference.allFields,
        "rewritten records read back differently",
        input
    )
    return 0
}
