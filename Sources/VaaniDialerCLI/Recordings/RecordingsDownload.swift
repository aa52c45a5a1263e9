import CampaignStore
import Foundation
import VaaniAPI

/// Downloads the recordings of many calls into one directory, a few at a time: complete files are
/// skipped, partial ones replaced, and each file's failure (a full disk, a missing recording, a
/// broken stream) reported while the others go on.
struct RecordingsDownload: Sendable {
    /// What happened to one recording.
    enum Result: Sendable {
        /// Downloaded now, this many bytes.
        case downloaded(Int64)
        /// Already complete from an earlier run.
        case alreadyComplete
        /// Did not arrive, and why.
        case failed(String)
    }

    /// Counts of a whole download.
    struct Summary: Sendable, Hashable {
        var downloaded = 0
        var alreadyComplete = 0
        var failed = 0
        var bytes: Int64 = 0

        /// Files done, whichever way.
        var done: Int { downloaded + alreadyComplete + failed }
        /// Whether every recording is on disk.
        var allArrived: Bool { failed == 0 }
    }

    /// The directory written to.
    let directory: URL
    /// Downloads at once.
    let concurrency: Int

    /// Downloads every call's recording.
    ///
    /// A refused key or an empty wallet stops it: the downloads in flight are cancelled (leaving no
    /// temporary file) and the ``VaaniError`` is thrown.
    /// - Parameters:
    ///   - calls: The calls.
    ///   - audio: Opens a recording's stream (``CallsAPI/audio(callID:)``).
    ///   - onBytes: Told the size of every chunk written, from the downloads' tasks.
    ///   - onResult: Told each file's result as it finishes: the call, the file's name and the result.
    /// - Returns: The counts.
    func run(
        _ calls: [CampaignCall],
        audio: @escaping @Sendable (String) async throws -> AudioStream,
        onBytes: @escaping @Sendable (Int) -> Void = { _ in },
        onResult: (CampaignCall, String, Result) -> Void
    ) async throws -> Summary {
        var summary = Summary()
        try await withThrowingTaskGroup(of: (CampaignCall, String, Result).self) { group in
            var pending = calls.makeIterator()
            func record(_ finished: (CampaignCall, String, Result)) {
                switch finished.2 {
                case .downloaded(let bytes):
                    summary.downloaded += 1
                    summary.bytes += bytes
                case .alreadyComplete: summary.alreadyComplete += 1
                case .failed: summary.failed += 1
                }
                onResult(finished.0, finished.1, finished.2)
            }
            var running = 0
            while let call = pending.next() {
                try Task.checkCancellation()
                if running >= max(1, concurrency), let finished = try await group.next() {
                    running -= 1
                    record(finished)
                }
                let name = RecordingName.of(call)
                let file = RecordingFile(destination: directory.appendingPathComponent(name))
                group.addTask { (call, name, try await Self.fetch(call.callID, into: file, audio: audio, onBytes: onBytes)) }
                running += 1
            }
            while let finished = try await group.next() { record(finished) }
        }
        return summary
    }

    /// One recording: skipped when complete, else streamed into place.
    /// - Throws: A ``VaaniError`` that every other file would meet too (the key refused, an empty
    ///   wallet), which stops the whole download; cancellation.
    static func fetch(
        _ callID: String, into file: RecordingFile, audio: @Sendable (String) async throws -> AudioStream,
        onBytes: @Sendable (Int) -> Void
    ) async throws -> Result {
        if file.isComplete { return .alreadyComplete }
        do {
            return .downloaded(try await file.write(try await audio(callID), onBytes: onBytes))
        } catch let error as VaaniError {
            if error.kind == .authentication || error.kind == .insufficientBalance { throw error }
            return .failed(APIFailure(error).message)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            return .failed("\(error)")
        }
    }
}
