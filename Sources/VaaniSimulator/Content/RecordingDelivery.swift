/// How a recording goes out on the wire: the ``WAVStream``'s chunks, paced to a byte rate when the
/// simulator models a slow link, and cut off after a number of bytes when it injects a broken
/// stream (the response then fails, and the connection closes short of its `Content-Length`).
struct RecordingDelivery: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>

    /// The recording.
    let audio: WAVStream
    /// Bytes sent before the stream breaks off; `nil` for the whole recording.
    let breakAfter: Int?
    /// The pace in bytes per second; `0` for no pacing.
    let bytesPerSecond: Int
    /// The clock pacing sleeps on.
    let clock: SimulationClock

    /// The stream broke off on purpose (the `recordingBreakRate` fault).
    struct BrokenOff: Error {}

    func makeAsyncIterator() -> Iterator {
        Iterator(base: audio.makeAsyncIterator(), delivery: self)
    }

    struct Iterator: AsyncIteratorProtocol {
        var base: WAVStream.Iterator
        let delivery: RecordingDelivery
        var sent = 0

        mutating func next() async throws -> ArraySlice<UInt8>? {
            if let limit = delivery.breakAfter, sent >= limit { throw BrokenOff() }
            guard var chunk = try await base.next() else { return nil }
            if let limit = delivery.breakAfter, sent + chunk.count > limit {
                chunk = chunk.prefix(limit - sent)
            }
            if delivery.bytesPerSecond > 0 {
                try await delivery.clock.sleep(.nanoseconds(Int64(chunk.count) * 1_000_000_000 / Int64(delivery.bytesPerSecond)))
            }
            sent += chunk.count
            return chunk
        }
    }
}
