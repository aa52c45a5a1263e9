#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file (or standard input for `-`) line by line in fixed-size chunks, so memory stays flat
/// whatever the size. Lines end at `\n`; a `\r` before it is dropped; invalid UTF-8 becomes U+FFFD;
/// a line longer than `maximumLineLength` bytes is cut there (so one endless line cannot exhaust memory).
struct LineReader {
    /// A file that could not be opened or read, with the system's reason.
    struct Failure: Error, CustomStringConvertible {
        /// What failed, e.g. "cannot open contacts.txt: No such file or directory".
        let description: String
    }

    private let descriptor: Int32
    private let name: String
    private let maximumLineLength: Int

    /// Opens `path`, or standard input for `-`.
    /// - Parameters:
    ///   - path: the file, or `-`.
    ///   - maximumLineLength: bytes kept of each line; the rest of a longer line is skipped.
    /// - Throws: ``Failure`` naming the file and the reason.
    init(path: String, maximumLineLength: Int = 1 << 20) throws {
        self.maximumLineLength = maximumLineLength
        if path == "-" {
            descriptor = STDIN_FILENO
            name = "standard input"
        } else {
            let opened = open(path, O_RDONLY)
            guard opened >= 0 else {
                throw Failure(description: "cannot open \(path): \(String(cString: strerror(errno)))")
            }
            descriptor = opened
            name = path
        }
    }

    /// Calls `body` with each line, then closes the file.
    func forEachLine(_ body: (String) throws -> Void) throws {
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot read \(name): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            var start = 0
            for index in 0..<count where chunk[index] == UInt8(ascii: "\n") {
                if pending.isEmpty {
                    try body(Self.line(chunk[start..<index].prefix(maximumLineLength)))
                } else {
                    pending.append(contentsOf: chunk[start..<index].prefix(maximumLineLength - pending.count))
                    try body(Self.line(pending[...]))
                    pending.removeAll(keepingCapacity: true)
                }
                start = index + 1
            }
            pending.append(contentsOf: chunk[start..<count].prefix(maximumLineLength - pending.count))
        }
        if !pending.isEmpty { try body(Self.line(pending[...])) }
    }

    private static func line(_ bytes: ArraySlice<UInt8>) -> String {
        let trimmed = bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes
        return String(decoding: trimmed, as: UTF8.self)
    }
}
