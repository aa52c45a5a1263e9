import CampaignReports
import CampaignStore
import Foundation
import Hummingbird

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams a finished report file as a download, 64 KiB at a time. The file is unlinked as soon as it
/// is open, so it disappears whatever happens to the connection.
enum ExportFile {
    static let chunkSize = 64 * 1024

    static func response(path: String, format: ExportFormat, campaign: String) throws -> Response {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        unlink(path)
        guard descriptor >= 0 else {
            throw APIError(.internalServerError, code: "report_failed", message: "The report could not be read back.")
        }
        let contentType =
            switch format {
            case .csv: "text/csv; charset=utf-8"
            case .json: "application/jsonl; charset=utf-8"
            case .html: "text/html; charset=utf-8"
            }
        return stream(
            descriptor: descriptor, contentType: contentType,
            fileName: Campaign.fileStem(ofName: campaign) + "." + format.fileExtension)
    }

    /// A download of an open file, which the answer closes when it is done.
    static func stream(descriptor: Int32, contentType: String, fileName: String) -> Response {
        let file = OpenFile(descriptor: descriptor)
        // The size from the end offset (a `stat` struct's module varies with the build's imports).
        let end = lseek(descriptor, 0, SEEK_END)
        let size = end >= 0 && lseek(descriptor, 0, SEEK_SET) == 0 ? Int(end) : nil
        let safeName = String(fileName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0.value >= 0x20 ? Character($0) : "_" })
        return Response(
            status: .ok,
            headers: [
                .contentType: contentType,
                .contentDisposition: "attachment; filename=\"\(safeName)\"",
                .cacheControl: "no-store",
            ],
            body: ResponseBody(contentLength: size) { writer in
                while true {
                    let chunk = try file.read(upTo: chunkSize)
                    if chunk.isEmpty { break }
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
                try await writer.finish(nil)
            }
        )
    }

    /// A file descriptor closed when the last reference goes.
    final class OpenFile: @unchecked Sendable {
        // Read only from the one response body that owns it, one chunk at a time.
        let descriptor: Int32

        init(descriptor: Int32) { self.descriptor = descriptor }
        deinit { close(descriptor) }

        func read(upTo count: Int) throws -> [UInt8] {
            var buffer = [UInt8](repeating: 0, count: count)
            while true {
                let got = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, count) }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw APIError(.internalServerError, code: "report_failed", message: "Reading the report failed.")
                }
                buffer.removeSubrange(got...)
                return buffer
            }
        }
    }
}
