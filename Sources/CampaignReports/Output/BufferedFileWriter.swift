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
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]
    private let capacity: Int

    private init(descriptor: Int32, path: String, ownsDescriptor: Bool, capacity: Int = 256 * 1024) {
        self.descriptor = descriptor
        self.path = path
        self.ownsDescriptor = ownsDescriptor
        self.capacity = capacity
        buffer = []
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if ownsDescriptor { Foundation.close(descriptor) }
    }

    /// Creates (or truncates) `path`, readable and writable by its owner only: reports hold
    /// customers' names and numbers.
    static func create(path: String) throws(CampaignReportError) -> BufferedFileWriter {
        let descriptor = Foundation.open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        return BufferedFileWriter(descriptor: descriptor, path: path, ownsDescriptor: true)
    }

    /// A writer to the process's standard output, which it never closes.
    static func standardOutput() -> BufferedFileWriter {
        BufferedFileWriter(descriptor: STDOUT_FILENO, path: "standard output", ownsDescriptor: false)
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

    /// Flushes and asks the kernel to store the file durably (a no-op for standard output).
    func finish() throws(CampaignReportError) {
        try flush()
        if ownsDescriptor, fsync(descriptor) != 0 {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
