import CSVFormat
import Foundation

/// Writes RFC 4180 records to an open file, buffered, each field through ``CSVField``: quoted only when
/// it holds a comma, a quote or a line break, and never readable as a formula. The file is its owner's
/// to create and close (the rejects file's ``ReplacementFile``, which makes it readable by its owner
/// only: it holds contacts).
final class CSVWriter {
    let path: String
    private let descriptor: Int32
    private var pending: [UInt8] = []

    /// A writer to `descriptor`, which it never closes.
    ///
    /// - Parameters:
    ///   - descriptor: The open file.
    ///   - path: The file's name in error messages.
    init(descriptor: Int32, path: String) {
        self.path = path
        self.descriptor = descriptor
        pending.reserveCapacity(1 << 16)
    }

    /// Appends one record; cells a spreadsheet would run as formulas get a leading `'` (``CSVField``).
    func write(_ fields: [String]) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { pending.append(UInt8(ascii: ",")) }
            CSVField.append(field, to: &pending)
        }
        pending.append(UInt8(ascii: "\n"))
        if pending.count >= 1 << 16 { try flush() }
    }

    /// Writes everything buffered to the file.
    func flush() throws {
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { bytes in
                Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw ContactImportError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        pending.removeAll(keepingCapacity: true)
    }
}
