public import Foundation
import HTTPTypes
import Logging
import WSClient

/// The events of one session, read from its WebSocket as they are iterated (see ``SessionsAPI/events(token:)``).
///
/// The socket opens when iteration starts and closes after ``SessionEvent/sessionEnded(reason:)``, when the
/// server closes it, or when the iterating task stops or is cancelled. It can be iterated once.
public struct SessionEvents: AsyncSequence, Sendable {
    /// Each element is one event.
    public typealias Element = SessionEvent

    let sessions: SessionsAPI
    let token: String

    /// The socket's URL.
    public var url: URL { sessions.eventsURL(token: token) }

    /// Opens the socket.
    public func makeAsyncIterator() -> Iterator {
        let (stream, continuation) = AsyncThrowingStream<SessionEvent, any Error>.makeStream()
        let sessions = sessions
        let token = token
        // The one unstructured task of the client: `WebSocketClient.connect` keeps the socket open only for
        // the duration of its closure, while an `AsyncSequence` iterator outlives any scope opened here.
        // The task is bound to the stream: it ends when the socket closes, and dropping or cancelling the
        // iteration cancels it through `onTermination`.
        let task = Task {
            do {
                try await Self.read(sessions: sessions, token: token, into: continuation)
                continuation.finish()
            } catch {
                continuation.finish(throwing: await Self.mapped(error, sessions: sessions, token: token))
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return Iterator(base: stream.makeAsyncIterator())
    }

    /// Reads events from the socket until the session ends or the socket closes.
    private static func read(
        sessions: SessionsAPI,
        token: String,
        into continuation: AsyncThrowingStream<SessionEvent, any Error>.Continuation
    ) async throws {
        let client = sessions.client
        var headers = HTTPFields()
        headers[.vaaniAPIKey] = client.configuration.apiKey
        try await WebSocketClient.connect(
            url: sessions.eventsURL(token: token).absoluteString,
            configuration: .init(additionalHeaders: headers),
            logger: client.logger
        ) { inbound, _, _ in
            for try await message in inbound.messages(maxSize: 1 << 20) {
                guard case .text(let text) = message else { continue }
                let event = SessionEvent(frame: text)
                continuation.yield(event)
                if case .sessionEnded = event { return }
            }
        }
    }

    /// The ``VaaniError`` for a socket failure. A refused upgrade carries no status, so the session's status
    /// is asked for the reason (ended, expired, unknown, or a bad key).
    private static func mapped(_ error: any Error, sessions: SessionsAPI, token: String) async -> any Error {
        let operation = "sessionEvents"
        if error is CancellationError { return error }
        if let error = error as? WebSocketClientError {
            if error == .webSocketUpgradeFailed {
                do {
                    _ = try await sessions.status(token: token)
                } catch let statusError as VaaniError {
                    var statusError = statusError
                    statusError.operation = operation
                    return statusError
                } catch {
                    return error
                }
                return VaaniError(kind: .unexpected, message: "the server refused the event socket", operation: operation)
            }
            return VaaniError(kind: .unexpected, message: "the event socket failed: \(error)", operation: operation)
        }
        return VaaniError.transport(error, operation: operation) ?? CancellationError()
    }

    /// Yields the socket's events.
    public struct Iterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<SessionEvent, any Error>.Iterator

        /// The next event, or `nil` once the socket is closed.
        /// - Throws: ``VaaniError`` when the socket cannot be opened or fails.
        public mutating func next() async throws -> SessionEvent? {
            try await base.next()
        }
    }
}
