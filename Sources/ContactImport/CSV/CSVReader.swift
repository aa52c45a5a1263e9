import Foundation

/// A streaming RFC 4180 reader over the bytes of a file.
///
/// It reads the file in large chunks and splits records with a byte-level state machine, copying
/// each record once. It is hand-written rather than built on CSV.swift (yaslab/CSV.swift 2.5.2,
/// on the machine) because that reader decodes the input one `UnicodeScalar` at a time: counting
/// the records of the 1,000,000-row, 60 MB file of `scripts/bench-import.sh` took it 32.6 s
/// against 1.5 s for this reader (release builds, same machine, same load). It also cannot
/// report byte offsets or physical line numbers, which every error message here needs.
///
/// - Quoted fields with doubled quotes, embedded newlines, CRLF / LF / CR line ends, a UTF-8 byte
///   order mark, and the delimiters `,` `;` tab `|` (detected from the header line) are read.
/// - A quote inside an unquoted field is kept literally; text after a closing quote is kept too
///   and reported as the record's ``CSVRecord/malformation``.
/// - UTF-16/32 (with or without a byte order mark), invalid UTF-8, NUL bytes, an unterminated
///   quote, and anything past ``CSVLimits`` stop the read with a ``CSVError`` naming the line,
///   field and byte offset.
/// - Blank lines are skipped.
///
/// ```swift
/// let reader = try CSVReader(path: "contacts.csv")
/// var record = CSVRecord()
/// while try reader.next(into: &record) { print(record.line, record[0]) }
/// ```
///
/// ``init(bytes:name:delimiter:limits:chunkSize:)`` reads bytes already in memory through the same
/// parser and the same chunked refills, so a fuzzer or a test covers the file path without a file.
public final class CSVReader {
    /// Where the bytes come from: an open file, or an array read chunk by chunk as if it were one.
    private enum Source {
        case file(descriptor: Int32)
        case memory(bytes: [UInt8], nextOffset: Int)
    }

    /// The file, as given (for bytes in memory, the name they were given).
    public let path: String
    /// The field delimiter in use (detected unless given).
    public private(set) var delimiter: UInt8
    /// The limits in force.
    public let limits: CSVLimits
    /// The file's size in bytes, when known (for progress).
    public let fileSize: Int?

    private var source: Source
    private let chunkSize: Int
    /// Bytes read from the file; `buffer[0..<validCount]` is data, starting at file offset `bufferFileOffset`.
    private var buffer: [UInt8]
    private var validCount = 0
    private var bufferFileOffset = 0
    /// Where the next record starts in `buffer`.
    private var position = 0
    /// The physical line at `position`.
    private var line = 1
    private var reachedEndOfFile = false
    /// Bytes that end an unquoted field (the delimiter, CR, LF, NUL), and bytes that stop the scan of
    /// a quoted one (quote, CR, LF, NUL), as 256-entry tables.
    private var unquotedStops = [Bool](repeating: false, count: 256)
    private var quotedStops = [Bool](repeating: false, count: 256)

    /// The number of bytes consumed so far (for progress).
    public var bytesConsumed: Int { bufferFileOffset + position }

    /// Opens `path`, checks its encoding, and detects the delimiter from the first line.
    ///
    /// - Parameters:
    ///   - path: The CSV file.
    ///   - delimiter: The delimiter to use instead of detecting one.
    ///   - limits: Bounds on fields and records.
    ///   - chunkSize: How many bytes each read asks for (default 1 MiB).
    /// - Throws: ``CSVError`` when the file cannot be read, is empty, or is not UTF-8.
    public convenience init(path: String, delimiter: UInt8? = nil, limits: CSVLimits = CSVLimits(), chunkSize: Int = 1 << 20) throws {
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CSVError(.cannotRead, path: path, reason: String(cString: strerror(errno)))
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw CSVError(.cannotRead, path: path, reason: "it is a directory, not a file")
        }
        let fileSize = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
        try self.init(
            source: .file(descriptor: descriptor),
            path: path,
            fileSize: fileSize,
            bufferSize: max(chunkSize, 64),
            delimiter: delimiter,
            limits: limits,
            chunkSize: chunkSize
        )
    }

    /// Reads `bytes` as the contents of a CSV file named `name`, in reads of `chunkSize` bytes as
    /// the file reader does: the records, errors and positions are those of a file with these bytes.
    ///
    /// - Throws: ``CSVError`` when the bytes are empty or not UTF-8.
    public convenience init(
        bytes: [UInt8],
        name: String = "<memory>",
        delimiter: UInt8? = nil,
        limits: CSVLimits = CSVLimits(),
        chunkSize: Int = 1 << 20
    ) throws {
        // A buffer no larger than the bytes (plus the byte that shows the end) up to what the start is
        // read to (the larger of a chunk and the delimiter scan): what a file reader's buffer holds
        // after its first reads, without zero-filling a megabyte per reader or growing it chunk by chunk.
        try self.init(
            source: .memory(bytes: bytes, nextOffset: 0),
            path: name,
            fileSize: bytes.count,
            bufferSize: max(min(bytes.count + 1, max(chunkSize, Self.delimiterScanBytes)), 64),
            delimiter: delimiter,
            limits: limits,
            chunkSize: chunkSize
        )
    }

    private init(
        source: Source,
        path: String,
        fileSize: Int?,
        bufferSize: Int,
        delimiter: UInt8?,
        limits: CSVLimits,
        chunkSize: Int
    ) throws {
        self.source = source
        self.path = path
        self.fileSize = fileSize
        self.limits = limits
        self.chunkSize = max(chunkSize, 64)
        buffer = [UInt8](repeating: 0, count: bufferSize)
        self.delimiter = UInt8(ascii: ",")
        do {
            // Read at least the bytes the delimiter is detected from, so that the choice never depends
            // on the chunk size.
            while !reachedEndOfFile && (validCount < buffer.count || validCount < Self.delimiterScanBytes) {
                if validCount == buffer.count { buffer.append(contentsOf: repeatElement(0, count: self.chunkSize)) }
                try readMore()
            }
            try checkEncoding()
            self.delimiter = delimiter ?? detectDelimiter()
            for stop in [self.delimiter, 0, UInt8(ascii: "\n"), UInt8(ascii: "\r")] { unquotedStops[Int(stop)] = true }
            for stop in [UInt8(ascii: "\""), 0, UInt8(ascii: "\n"), UInt8(ascii: "\r")] { quotedStops[Int(stop)] = true }
        } catch {
            closeSource()
            throw error
        }
    }

    deinit {
        closeSource()
    }

    private func closeSource() {
        if case .file(let descriptor) = source { close(descriptor) }
        source = .memory(bytes: [], nextOffset: 0)
    }

    /// Reads the next non-blank record into `record`.
    ///
    /// - Returns: `false` at the end of the file.
    /// - Throws: ``CSVError``; the reader must not be used after an error.
    public func next(into record: inout CSVRecord) throws -> Bool {
        while true {
            let start = position
            let step = try buffer.withUnsafeBufferPointer { bytes in
                try parseRecord(bytes, from: start, count: validCount, isEndOfFile: reachedEndOfFile, into: &record)
            }
            switch step {
            case .endOfData:
                return false
            case .incomplete(let progress):
                try checkLimits(progress, recordStart: start)
                try refill()
            case .complete(let rawEnd, let next, let newlines):
                // The limit holds however the record fell across reads, not only when it outgrew one.
                if rawEnd - start > limits.maxRecordBytes {
                    throw recordTooLarge(recordStart: start, quoteOpenedAtLine: nil)
                }
                record.line = line
                record.byteOffset = bufferFileOffset + start
                line += newlines + 1
                position = next
                if rawEnd == start { continue }  // a blank line
                try record.raw.withUnsafeBufferPointer { raw in
                    if let bad = UTF8Validation.firstInvalidIndex(in: raw) {
                        throw CSVError(
                            .notUTF8,
                            path: path,
                            line: record.line + newlinesBefore(bad, in: raw),
                            byteOffset: record.byteOffset + bad,
                            reason: "byte 0x\(String(raw[bad], radix: 16, uppercase: true)) is not valid UTF-8;"
                                + " save the file as UTF-8 (CSV UTF-8 in Excel)"
                        )
                    }
                }
                return true
            }
        }
    }

    // MARK: - Parsing

    /// Where a record that runs past the buffered bytes had got to, for the limit checks.
    struct Progress {
        var column: Int
        var fieldBytes: Int
        var quoteOpenedAtLine: Int?
        /// Whether the last buffered byte is a CR that may start a CRLF: a line end, not record text.
        var endsInLineEnd = false
    }

    enum Step {
        case complete(rawEnd: Int, next: Int, newlines: Int)
        case incomplete(Progress)
        case endOfData
    }

    /// Splits the record that starts at `start` into `record`'s field spans.
    ///
    /// Field spans point into the record's raw text (copied once per record); only a quoted field
    /// with doubled quotes, or text after its closing quote, is copied again to be unescaped. The
    /// scanning loops test each byte against a 256-entry table.
    private func parseRecord(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        count: Int,
        isEndOfFile: Bool,
        into record: inout CSVRecord
    ) throws -> Step {
        if start == count && isEndOfFile { return .endOfData }
        record.reset()
        let delimiter = self.delimiter
        let unquotedStops = self.unquotedStops, quotedStops = self.quotedStops
        let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var index = start
        var newlines = 0

        while true {
            // One field per turn.
            let column = record.spans.count + 1
            var span: CSVRecord.FieldSpan
            if index < count && bytes[index] == quote {
                let quoteLine = newlines
                index += 1
                var segment = index
                var unescaping = false
                let unescapedStart = record.unescaped.count
                while true {
                    while index < count && !quotedStops[Int(bytes[index])] { index += 1 }
                    if index == count {
                        if isEndOfFile {
                            throw CSVError(
                                .unterminatedQuote,
                                path: path,
                                line: line + quoteLine,
                                column: column,
                                byteOffset: bufferFileOffset + start,
                                reason: "the quoted field that starts here is never closed (a missing \" ?)"
                            )
                        }
                        let fieldBytes = (record.unescaped.count - unescapedStart) + (index - segment)
                        return .incomplete(Progress(column: column, fieldBytes: fieldBytes, quoteOpenedAtLine: line + quoteLine))
                    }
                    let byte = bytes[index]
                    if byte == quote {
                        // A closing quote, or the first of a doubled quote.
                        if index + 1 == count && !isEndOfFile {
                            return .incomplete(Progress(column: column, fieldBytes: index - segment, quoteOpenedAtLine: line + quoteLine))
                        }
                        if index + 1 < count && bytes[index + 1] == quote {
                            unescaping = true
                            record.unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment...index]))
                            index += 2
                            segment = index
                            continue
                        }
                        if unescaping {
                            record.unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<index]))
                            span = .init(start: unescapedStart, end: record.unescaped.count, isUnescaped: true)
                        } else {
                            span = .init(start: segment - start, end: index - start, isUnescaped: false)
                        }
                        index += 1
                        break
                    } else if byte == 0 {
                        throw nulByte(at: index, recordStart: start, newlines: newlines)
                    } else {
                        // A line break inside the quotes: part of the field.
                        if byte == carriageReturn {
                            if index + 1 == count && !isEndOfFile {
                                return .incomplete(Progress(column: column, fieldBytes: index - segment, quoteOpenedAtLine: line + quoteLine))
                            }
                            if index + 1 < count && bytes[index + 1] == lineFeed { index += 1 }
                        }
                        newlines += 1
                        index += 1
                    }
                }
                // After the closing quote: a delimiter, a line end, the end of the file, or stray text.
                if index < count && !unquotedStops[Int(bytes[index])] {
                    if record.malformation == nil {
                        record.malformation = (column, "text after the closing quote of a quoted field")
                    }
                    let strayStart = index
                    while index < count && !unquotedStops[Int(bytes[index])] { index += 1 }
                    if index == count && !isEndOfFile {
                        return .incomplete(Progress(column: column, fieldBytes: index - strayStart, quoteOpenedAtLine: nil))
                    }
                    let fieldBytes = span.isUnescaped
                        ? Array(record.unescaped[span.start..<span.end])
                        : Array(bytes[(start + span.start)..<(start + span.end)])
                    let unescapedStart = record.unescaped.count
                    record.unescaped.append(contentsOf: fieldBytes)
                    record.unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[strayStart..<index]))
                    span = .init(start: unescapedStart, end: record.unescaped.count, isUnescaped: true)
                }
            } else {
                // The hot loop: most bytes are neither a delimiter nor a line end nor NUL.
                let fieldStart = index
                while index < count && !unquotedStops[Int(bytes[index])] { index += 1 }
                if index == count && !isEndOfFile {
                    return .incomplete(Progress(column: column, fieldBytes: index - fieldStart, quoteOpenedAtLine: nil))
                }
                span = .init(start: fieldStart - start, end: index - start, isUnescaped: false)
            }

            if span.end - span.start > limits.maxFieldBytes {
                throw fieldTooLarge(column: column, recordStart: start, newlines: newlines, quoted: nil)
            }
            record.spans.append(span)
            if record.spans.count > limits.maxColumns {
                throw CSVError(
                    .tooManyColumns,
                    path: path,
                    line: line,
                    column: record.spans.count,
                    byteOffset: bufferFileOffset + start,
                    reason: "the record has more than \(limits.maxColumns) fields (limit maxColumns)"
                )
            }

            // What ends the field: a delimiter, a line end, or the end of the file.
            if index == count {
                record.raw.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                return .complete(rawEnd: index, next: index, newlines: newlines)
            }
            let byte = bytes[index]
            if byte == delimiter {
                // The next turn reads the field after it, even an empty last one at the end of the
                // file, through the same limit checks as every other field.
                index += 1
                continue
            }
            if byte == 0 { throw nulByte(at: index, recordStart: start, newlines: newlines) }
            // A line end: LF, CR or CRLF.
            var next = index + 1
            if byte == carriageReturn {
                if next == count && !isEndOfFile {
                    return .incomplete(Progress(column: column, fieldBytes: 0, quoteOpenedAtLine: nil, endsInLineEnd: true))
                }
                if next < count && bytes[next] == lineFeed { next += 1 }
            }
            record.raw.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            return .complete(rawEnd: index, next: next, newlines: newlines)
        }
    }

    private func nulByte(at index: Int, recordStart: Int, newlines: Int) -> CSVError {
        CSVError(
            .binary,
            path: path,
            line: line + newlines,
            byteOffset: bufferFileOffset + index,
            reason: "NUL byte: this is a binary file or UTF-16 text, not a UTF-8 CSV file"
        )
    }

    private func fieldTooLarge(column: Int, recordStart: Int, newlines: Int, quoted: Int?) -> CSVError {
        var reason = "field is longer than \(limits.maxFieldBytes) bytes (limit maxFieldBytes)"
        if let quoted { reason += "; is the quote opened on line \(quoted) closed?" }
        return CSVError(
            .fieldTooLarge,
            path: path,
            line: line + newlines,
            column: column,
            byteOffset: bufferFileOffset + recordStart,
            reason: reason
        )
    }

    private func checkLimits(_ progress: Progress, recordStart: Int) throws {
        if progress.fieldBytes > limits.maxFieldBytes {
            throw fieldTooLarge(column: progress.column, recordStart: recordStart, newlines: 0, quoted: progress.quoteOpenedAtLine)
        }
        if validCount - recordStart - (progress.endsInLineEnd ? 1 : 0) > limits.maxRecordBytes {
            throw recordTooLarge(recordStart: recordStart, quoteOpenedAtLine: progress.quoteOpenedAtLine)
        }
    }

    private func recordTooLarge(recordStart: Int, quoteOpenedAtLine: Int?) -> CSVError {
        var reason = "record is longer than \(limits.maxRecordBytes) bytes (limit maxRecordBytes)"
        if let quoteOpenedAtLine { reason += "; is the quote opened on line \(quoteOpenedAtLine) closed?" }
        return CSVError(
            .recordTooLarge,
            path: path,
            line: line,
            byteOffset: bufferFileOffset + recordStart,
            reason: reason
        )
    }

    private func newlinesBefore(_ index: Int, in raw: UnsafeBufferPointer<UInt8>) -> Int {
        raw[..<index].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    // MARK: - Input

    /// Moves the unparsed bytes to the front of the buffer (growing it when a record is longer than
    /// a chunk) and reads more.
    private func refill() throws {
        if position > 0 {
            let remaining = validCount - position
            buffer.withUnsafeMutableBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return }
                base.update(from: base + position, count: remaining)
            }
            bufferFileOffset += position
            validCount = remaining
            position = 0
        }
        if validCount == buffer.count {
            buffer.append(contentsOf: repeatElement(0, count: min(buffer.count, limits.maxRecordBytes + chunkSize)))
        }
        // Fill all the free space: a record longer than the buffer is parsed again from its start
        // after each refill, so doubling the buffer and filling it keeps that logarithmic.
        repeat { try readMore() } while validCount < buffer.count && !reachedEndOfFile
    }

    /// Reads once into the free end of the buffer; sets `reachedEndOfFile` when nothing is left.
    private func readMore() throws {
        let free = buffer.count - validCount
        let wanted = min(free, chunkSize)
        switch source {
        case .file(let descriptor):
            let got = buffer.withUnsafeMutableBufferPointer { bytes in
                read(descriptor, bytes.baseAddress! + validCount, wanted)
            }
            if got < 0 {
                if errno == EINTR { return }
                throw CSVError(.cannotRead, path: path, byteOffset: bufferFileOffset + validCount, reason: String(cString: strerror(errno)))
            }
            if got == 0 { reachedEndOfFile = true }
            validCount += got
        case .memory(let bytes, let nextOffset):
            let got = min(wanted, bytes.count - nextOffset)
            if got == 0 {
                reachedEndOfFile = true
                return
            }
            let start = validCount
            buffer.withUnsafeMutableBufferPointer { target in
                bytes.withUnsafeBufferPointer { source in
                    (target.baseAddress! + start).update(from: source.baseAddress! + nextOffset, count: got)
                }
            }
            source = .memory(bytes: bytes, nextOffset: nextOffset + got)
            validCount += got
        }
    }

    // MARK: - Start of file

    /// Skips a UTF-8 byte order mark and refuses UTF-16/32 and empty files.
    private func checkEncoding() throws {
        let head = Array(buffer[0..<min(validCount, 4)])
        func refuse(_ encoding: String, _ how: String) -> CSVError {
            CSVError(.notUTF8, path: path, byteOffset: 0, reason: "the file is \(encoding) (\(how)), not UTF-8; save it as UTF-8 (CSV UTF-8 in Excel)")
        }
        if head.starts(with: [0xFF, 0xFE, 0, 0]) { throw refuse("UTF-32LE", "byte order mark") }
        if head.starts(with: [0, 0, 0xFE, 0xFF]) { throw refuse("UTF-32BE", "byte order mark") }
        if head.starts(with: [0xFF, 0xFE]) { throw refuse("UTF-16LE", "byte order mark") }
        if head.starts(with: [0xFE, 0xFF]) { throw refuse("UTF-16BE", "byte order mark") }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        if head.count >= 2 && head[0] != 0 && head[1] == 0 { throw refuse("UTF-16LE", "NUL in every other byte") }
        if head.count >= 2 && head[0] == 0 && head[1] != 0 { throw refuse("UTF-16BE", "NUL in every other byte") }
        if validCount == position {
            throw CSVError(.empty, path: path, reason: "the file is empty; expected a header line such as name,phone")
        }
    }

    /// How much of the file's start the delimiter is detected from: the first line, up to this many bytes.
    static let delimiterScanBytes = 64 << 10

    /// Picks the candidate delimiter (`,` `;` tab `|`) that occurs most often outside quotes on the
    /// first line (within ``delimiterScanBytes``); `,` when none does.
    private func detectDelimiter() -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        for byte in buffer[position..<max(position, min(validCount, Self.delimiterScanBytes))] {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                if let slot = candidates.firstIndex(of: byte) { counts[slot] += 1 }
            }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }),
            counts[best] > 0
        else { return UInt8(ascii: ",") }
        return candidates[best]
    }
}
