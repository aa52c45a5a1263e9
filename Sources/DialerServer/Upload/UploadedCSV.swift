import Foundation
import Hummingbird

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A CSV upload streamed from the request body to an owner-only file, chunk by chunk (never whole in
/// memory), checked on the way: no larger than the limit, UTF-8 text (a BOM is fine), and not a
/// spreadsheet or another binary file. A refused upload leaves no file behind.
struct UploadedCSV {
    /// The file the upload was written to; the caller imports it and removes it.
    let path: String
    /// Bytes received.
    let size: Int

    /// Receives `request`'s body into a new file in `directory`.
    /// - Throws: ``APIError`` `upload_too_large`, `not_csv`, `wrong_encoding` or `empty_upload`.
    static func receive(_ request: Request, into directory: String, limit: Int) async throws -> UploadedCSV {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw tooLarge(limit)
        }
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = "\(directory)/upload-\(UUID().uuidString).csv"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw APIError(.internalServerError, code: "upload_failed", message: "The upload could not be stored.")
        }
        var size = 0
        var checker = TextCheck()
        do {
            defer { close(descriptor) }
            for try await chunk in request.body {
                size += chunk.readableBytes
                guard size <= limit else { throw tooLarge(limit) }
                try chunk.withUnsafeReadableBytes { bytes in
                    try checker.feed(bytes)
                    var offset = 0
                    while offset < bytes.count {
                        let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                        if written < 0 {
                            if errno == EINTR { continue }
                            throw APIError(
                                .init(code: 507, reasonPhrase: "Insufficient Storage"), code: "upload_failed",
                                message: "The upload could not be written: \(String(cString: strerror(errno))).")
                        }
                        offset += written
                    }
                }
            }
            try checker.finish()
            guard size > 0 else {
                throw APIError(.badRequest, code: "empty_upload", message: "The upload is empty; send the CSV file as the body.")
            }
        } catch {
            unlink(path)
            throw error
        }
        return UploadedCSV(path: path, size: size)
    }

    static func tooLarge(_ limit: Int) -> APIError {
        APIError(
            .contentTooLarge, code: "upload_too_large",
            message: "The file is larger than this server accepts (\(limit / (1 << 20)) MiB); split it, or import it "
                + "with `vaani-dialer import` on the server.")
    }

    /// Streaming checks of the bytes: UTF-8 across chunk boundaries, no NUL, no spreadsheet signature.
    struct TextCheck {
        private var offset = 0
        /// Bytes still expected to complete the current UTF-8 sequence.
        private var pending = 0
        private var head: [UInt8] = []

        mutating func feed(_ bytes: UnsafeRawBufferPointer) throws {
            for byte in bytes {
                if head.count < 4 {
                    head.append(byte)
                    if head.count == 2, head == [0xFF, 0xFE] || head == [0xFE, 0xFF] {
                        throw wrongEncoding("it is UTF-16 text")
                    }
                    if head.count == 4, head == [0x50, 0x4B, 0x03, 0x04] {
                        throw notCSV("it is a ZIP archive, such as an Excel workbook; save the sheet as CSV UTF-8")
                    }
                    if head.count == 4, head == [0xD0, 0xCF, 0x11, 0xE0] {
                        throw notCSV("it is an old Excel workbook; save the sheet as CSV UTF-8")
                    }
                }
                if byte == 0 { throw notCSV("it holds NUL bytes, so it is a binary file") }
                if pending > 0 {
                    guard byte & 0xC0 == 0x80 else { throw wrongEncoding("byte \(offset + 1) is not valid UTF-8") }
                    pending -= 1
                } else if byte >= 0x80 {
                    switch byte {
                    case 0xC2...0xDF: pending = 1
                    case 0xE0...0xEF: pending = 2
                    case 0xF0...0xF4: pending = 3
                    default: throw wrongEncoding("byte \(offset + 1) is not valid UTF-8")
                    }
                }
                offset += 1
            }
        }

        func finish() throws {
            if pending > 0 { throw wrongEncoding("it ends in the middle of a character") }
        }

        private func wrongEncoding(_ detail: String) -> APIError {
            APIError(
                .unsupportedMediaType, code: "wrong_encoding",
                message: "The file is not UTF-8 text (\(detail)). Save it as \"CSV UTF-8\" and upload it again.")
        }

        private func notCSV(_ detail: String) -> APIError {
            APIError(.unsupportedMediaType, code: "not_csv", message: "The file is not a CSV file: \(detail).")
        }
    }
}
