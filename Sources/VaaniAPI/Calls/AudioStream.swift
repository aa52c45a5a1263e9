import OpenAPIRuntime

/// A call's recording as it arrives: chunks of bytes (see ``CallsAPI/audio(callID:)``).
///
/// It can be iterated once; the bytes are not buffered.
public struct AudioStream: AsyncSequence, Sendable {
    /// Each element is the next chunk of the recording.
    public typealias Element = ArraySlice<UInt8>

    let body: HTTPBody
    let operation: String

    /// The recording's size in bytes, when the server announced it.
    public var contentLength: Int64? {
        if case .known(let length) = body.length { length } else { nil }
    }

    /// Starts reading the recording.
    public func makeAsyncIterator() -> Iterator {
        Iterator(base: body.makeAsyncIterator(), operation: operation)
    }

    /// Reads the recording chunk by chunk.
    public struct Iterator: AsyncIteratorProtocol {
        var base: HTTPBody.Iterator
        let operation: String

        /// The next chunk, or `nil` at the end of the recording.
        /// - Throws: ``VaaniError`` when the connection fails midway.
        public mutating func next() async throws -> ArraySlice<UInt8>? {
            do {
                return try await base.next()
            } catch {
                guard let mapped = VaaniError.transport(error, operation: operation) else { throw CancellationError() }
                throw mapped
            }
        }
    }
}
