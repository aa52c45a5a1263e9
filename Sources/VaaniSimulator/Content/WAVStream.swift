import Foundation

/// A playable recording of a call: a RIFF/WAVE file, 8 kHz mono 16-bit PCM, exactly as long as the
/// call's talk time. Two voices take turns (a lower tone for the agent, a higher one for the
/// contact) with a syllable rhythm, pauses and line noise. Generated chunk by chunk while it is
/// sent, so a four-minute call never sits in memory as a 2 MB buffer; each chunk is derived from
/// the seed and its position alone, so the stream can be replayed.
struct WAVStream: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>

    static let sampleRate = 8_000
    static let samplesPerChunk = 4_000
    static let headerSize = 44

    let sampleCount: Int
    let seed: UInt64

    init(durationMs: Int, seed: UInt64) {
        self.sampleCount = Swift.max(0, durationMs) * Self.sampleRate / 1_000
        self.seed = seed
    }

    /// Header plus samples.
    var byteCount: Int { Self.headerSize + sampleCount * 2 }

    func makeAsyncIterator() -> Iterator { Iterator(stream: self) }

    struct Iterator: AsyncIteratorProtocol {
        let stream: WAVStream
        var nextSample = 0
        var headerSent = false

        mutating func next() async throws -> ArraySlice<UInt8>? {
            if !headerSent {
                headerSent = true
                return stream.header()[...]
            }
            guard nextSample < stream.sampleCount else { return nil }
            let count = Swift.min(WAVStream.samplesPerChunk, stream.sampleCount - nextSample)
            defer { nextSample += count }
            return stream.samples(from: nextSample, count: count)[...]
        }
    }

    func header() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.headerSize)
        func ascii(_ text: String) { bytes += Array(text.utf8) }
        func le32(_ value: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) { bytes += $0 } }
        func le16(_ value: Int) { withUnsafeBytes(of: UInt16(truncatingIfNeeded: value).littleEndian) { bytes += $0 } }
        let dataSize = sampleCount * 2
        ascii("RIFF"); le32(36 + dataSize); ascii("WAVE")
        ascii("fmt "); le32(16); le16(1); le16(1); le32(Self.sampleRate); le32(Self.sampleRate * 2); le16(2); le16(16)
        ascii("data"); le32(dataSize)
        return bytes
    }

    func samples(from start: Int, count: Int) -> [UInt8] {
        var random = SplitMix64(mixing: seed, UInt64(start))
        var bytes = [UInt8](repeating: 0, count: count * 2)
        let turn = 2.6  // seconds per utterance
        for offset in 0..<count {
            let t = Double(start + offset) / Double(Self.sampleRate)
            let turnIndex = Int(t / turn)
            let inTurn = t / turn - Double(turnIndex)
            let speaking = inTurn < 0.85
            let base = turnIndex % 2 == 0 ? 190.0 : 290.0
            let syllable = Swift.max(0, sin(2 * Double.pi * 3.7 * t))
            let pitch = base * (1 + 0.06 * sin(2 * Double.pi * 0.9 * t))
            var value = 0.0
            if speaking {
                let phase = 2 * Double.pi * pitch * t
                value = syllable * (0.55 * sin(phase) + 0.25 * sin(2 * phase) + 0.12 * sin(3 * phase))
            }
            value += (random.nextUnit() - 0.5) * 0.04
            let sample = Int16(Swift.max(-1, Swift.min(1, value)) * 12_000)
            withUnsafeBytes(of: sample.littleEndian) { raw in
                bytes[offset * 2] = raw[0]
                bytes[offset * 2 + 1] = raw[1]
            }
        }
        return bytes
    }
}
