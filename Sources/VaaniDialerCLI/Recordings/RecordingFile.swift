import FileReplacement
import Foundation
import VaaniAPI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one call's recording to disk as it streams: into a temporary name beside the file, owner-only,
/// never held whole in memory; its length checked against the announced `Content-Length`, flushed to
/// disk, then renamed into place (``ReplacementFile``). So a file under its final name is always
/// complete, and a download cut short (a full disk, a dropped connection, a killed process) leaves at
/// most the temporary file, which the next download of the same recording replaces.
struct RecordingFile: Sendable {
    /// Where the complete recording goes.
    let destination: URL

    /// Whether the recording is already complete (only complete files get the final name).
    var isComplete: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Streams `audio` into the file.
    /// - Parameters:
    ///   - audio: The recording as it arrives.
    ///   - onBytes: Told the size of every chunk written.
    /// - Returns: The bytes written.
    /// - Throws: ``RecordingFailure``; the temporary file is removed.
    func write(_ audio: AudioStream, onBytes: (Int) -> Void = { _ in }) async throws -> Int64 {
        let file: ReplacementFile
        do throws(ReplacementFileError) {
            file = try ReplacementFile(path: destination.path)
        } catch {
            throw RecordingFailure.file(error.path, errno: error.code)
        }
        var written: Int64 = 0
        do {
            do {
                for try await chunk in audio {
                    try Self.writeAll(chunk, to: file.descriptor, path: destination.path)
                    written += Int64(chunk.count)
                    onBytes(chunk.count)
                }
            } catch let error as VaaniError {
                throw RecordingFailure.brokeOff(received: written, expected: audio.contentLength, reason: error.message)
            }
            if let expected = audio.contentLength, expected != written {
                throw RecordingFailure.brokeOff(received: written, expected: expected, reason: nil)
            }
            try file.commit()
            return written
        } catch let error as ReplacementFileError {
            throw RecordingFailure.file(error.path, errno: error.code)
        } catch {
            file.discard()
            throw error
        }
    }

    /// Writes every byte of `chunk`, retrying after interruptions.
    private static func writeAll(_ chunk: ArraySlice<UInt8>, to descriptor: Int32, path: String) throws {
        try chunk.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw RecordingFailure.file(path, errno: errno)
                }
                offset += count
            }
        }
    }
}
