public import Foundation
import OpenAPIRuntime
import VaaniOpenAPI

/// Outbound calls and what they left behind: history, details, transcripts and audio
/// (``VaaniClient/calls``).
public struct CallsAPI: Sendable {
    let client: VaaniClient

    /// Places an outbound telephony call, or starts a WebRTC call.
    ///
    /// The client never retries a trigger whose outcome is unknown (a timeout, a 5xx, or a connection
    /// dropped after sending): it throws a ``VaaniError`` whose ``VaaniError/isOutcomeUnknown`` is `true`,
    /// and the caller reconciles with the call history before dialing again. A 429 and a connection that
    /// was never established are retried as the ``RetryPolicy`` allows, since nothing was placed.
    ///
    /// ```swift
    /// let result = try await client.calls.trigger(
    ///     TriggerCallRequest(agentID: "collections-bot", contactNumber: "+919876543210", name: "Asha"),
    ///     idempotencyKey: attemptID
    /// )
    /// ```
    /// - Parameters:
    ///   - call: The call to place.
    ///   - idempotencyKey: Sent as `Idempotency-Key`: a server that honours it answers a repeated key with
    ///     the first answer instead of placing a second call.
    /// - Returns: The call's id and the server's answer.
    /// - Throws: ``VaaniError``.
    public func trigger(_ call: TriggerCallRequest, idempotencyKey: String? = nil) async throws -> TriggerCallResult {
        try await client.perform(Operations.TriggerCall.id) {
            let output = try await client.underlying.triggerCall(
                headers: .init(idempotencyKey: idempotencyKey),
                body: .json(try call.generated)
            )
            return TriggerCallResult(try output.ok.body.json)
        }
    }

    /// One page of the call history, newest call first.
    /// - Parameters:
    ///   - page: The page, 1-based.
    ///   - pageSize: Calls per page, 1–200.
    /// - Returns: The page with its pagination.
    /// - Throws: ``VaaniError``.
    public func history(page: Int = 1, pageSize: Int = 50) async throws -> CallHistoryPage {
        try await client.perform(Operations.GetCallHistory.id) {
            let output = try await client.underlying.getCallHistory(query: .init(page: page, pageSize: pageSize))
            return CallHistoryPage(try output.ok.body.json)
        }
    }

    /// Every call in the history, fetching one page at a time as the sequence is iterated.
    ///
    /// ```swift
    /// for try await record in client.calls.allHistory() where record.status == .completed { … }
    /// ```
    /// - Parameter pageSize: Calls per request, clamped to 1–200.
    public func allHistory(pageSize: Int = 200) -> CallHistory {
        CallHistory(calls: self, pageSize: min(max(pageSize, 1), 200))
    }

    /// Everything known about one call: status, duration and, once completed, transcript, summary,
    /// entities and evaluation tag.
    /// - Parameter callID: The call's id.
    /// - Throws: ``VaaniError`` (`notFound` for an unknown id).
    public func details(callID: String) async throws -> CallRecord {
        try await client.perform(Operations.GetCallDetails.id) {
            CallRecord(try await client.underlying.getCallDetails(path: .init(callId: callID)).ok.body.json)
        }
    }

    /// The transcript of a call, as text or as utterances.
    /// - Parameter callID: The call's id.
    /// - Throws: ``VaaniError`` (`notFound` for an unknown id).
    public func transcript(callID: String) async throws -> CallTranscript {
        try await client.perform(Operations.GetTranscript.id) {
            CallTranscript(try await client.underlying.getTranscript(path: .init(callId: callID)).ok.body.json)
        }
    }

    /// The call's recording, streamed: chunks of bytes arrive as they are iterated, none is buffered.
    ///
    /// ```swift
    /// for try await chunk in try await client.calls.audio(callID: id) { player.feed(chunk) }
    /// ```
    /// - Parameter callID: The call's id.
    /// - Throws: ``VaaniError`` (`notFound` for an unknown id).
    public func audio(callID: String) async throws -> AudioStream {
        try await client.perform(Operations.StreamAudio.id) {
            let output = try await client.underlying.streamAudio(path: .init(callId: callID))
            guard case .audio_Ast_(let body) = try output.ok.body else {
                throw VaaniError(kind: .unexpected, message: "no audio body", operation: Operations.StreamAudio.id)
            }
            return AudioStream(body: body, operation: Operations.StreamAudio.id)
        }
    }

    /// Writes a call's recording to a file chunk by chunk, never holding it whole in memory.
    ///
    /// A download that fails midway removes the partial file.
    /// - Parameters:
    ///   - callID: The call's id.
    ///   - file: Where to write; an existing file is replaced.
    /// - Returns: The number of bytes written.
    /// - Throws: ``VaaniError``, or the file system's error when the file cannot be written.
    @discardableResult
    public func downloadAudio(callID: String, to file: URL) async throws -> Int64 {
        let stream = try await audio(callID: callID)
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            var written: Int64 = 0
            for try await chunk in stream {
                try handle.write(contentsOf: chunk)
                written += Int64(chunk.count)
            }
            try handle.synchronize()
            return written
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
    }
}
