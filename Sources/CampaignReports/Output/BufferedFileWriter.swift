import Foundation

/// Writes bytes to a file descriptor through a fixed 256 KiB buffer, so that an export of millions of
/// rows makes a few thousand `write(2)` calls and holds no more than one buffer in memory.
///
/// Hand-written rather than `FileHandle` because `FileHandle.write(_:)` makes one system call per
/// call and wraps every chunk in `Data`; this writer appends to one reused `[UInt8]`.
final class BufferedFileWriter {
    /// Bytes handed to the writer so far, flushed or not.
    private(set) var bytesWritten = 0

    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8]
    private let capacity: Int

    /// A writer to an open descriptor, which it never closes (its owner does: a ``ReplacementFile``, or
    /// the process for standard output).
    ///
    /// - Parameters:
    ///   - descriptor: Where the bytes go.
    ///   - path: The file's name in error messages.
    ///   - capacity: Bytes buffered before a `write(2)`.
    init(descriptor: Int32, path: String, capacity: Int = 256 * 1024) {
        self.descriptor = descriptor
        self.path = path
        self.capacity = capacity
        buffer = []
        buffer.reserveCapacity(capacity)
    }

    /// A writer to the process's standard output.
    static func standardOutput() -> BufferedFileWriter {
        BufferedFileWriter(descriptor: STDOUT_FILENO, path: "standard output")
    }

    /// Appends text as UTF-8.
    func write(_ text: String) throws(CampaignReportError) {
        var text = text
        text.withUTF8 { bytes in buffer.append(contentsOf: bytes) }
        bytesWritten += text.utf8.count
        if buffer.count >= capacity { try flush() }
    }

    /// Appends raw bytes.
    func write(bytes: [UInt8]) throws(CampaignReportError) {
        buffer.append(contentsOf: bytes)
        bytesWritten += bytes.count
        if buffer.count >= capacity { try flush() }
    }

    /// Lets `body` append bytes straight into the buffer (no intermediate array per row).
    func append(_ body: (inout [UInt8]) -> Void) throws(CampaignReportError) {
        let before = buffer.count
        body(&buffer)
        bytesWritten += buffer.count - before
        if buffer.count >= capacity { try flush() }
    }

    /// Writes everything buffered to the descriptor, retrying short writes and interruptions.
    func flush() throws(CampaignReportError) {
        var failure: Int32 = 0
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if failure != 0 {
            throw .cannotWrite(path: path, reason: String(cString: strerror(failure)))
        }
    }
}
