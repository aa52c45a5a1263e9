import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SimulatorHarness
import Testing
import VaaniSimulator

/// The recording faults over HTTP: a stream that breaks off midway, and a slow link.
@Suite("Fault injection on recordings over HTTP")
struct RecordingFaultTests {
    /// What a client saw of one answered call's recording on a simulator with the given faults.
    struct Reading {
        /// The announced `Content-Length`.
        var announced: Int?
        /// The bytes that arrived.
        var read = 0
        /// How the body failed, if it did.
        var error: (any Error)?
        /// How long reading took.
        var elapsed: Duration = .zero
    }

    /// Places a call that is answered, waits for its end, and reads its recording until it ends or fails.
    static func readRecording(breakRate: Double = 0, bytesPerSecond: Int = 0) async throws -> Reading {
        let configuration = SimulatorConfiguration(
            speed: 600, answerRate: 1, noAnswerRate: 0, busyRate: 0, failRate: 0, voicemailRate: 0,
            recordingBreakRate: breakRate, recordingBytesPerSecond: bytesPerSecond
        )
        return try await withSimulator(configuration) { simulator in
            let callID = try #require(try await simulator.trigger("+14155550100").callID)
            _ = try await simulator.waitUntilEnded(callID)
            var request = HTTPClientRequest(url: simulator.baseURL.absoluteString + "/api/stream/\(callID)")
            request.headers.add(name: "X-API-Key", value: simulator.apiKey)
            let start = ContinuousClock.now
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            var reading = Reading(announced: response.headers.first(name: "Content-Length").flatMap(Int.init))
            do {
                for try await buffer in response.body { reading.read += buffer.readableBytes }
            } catch {
                reading.error = error
            }
            reading.elapsed = ContinuousClock.now - start
            return reading
        }
    }

    @Test("a broken recording announces its whole length, sends at most half, then the connection fails")
    func breaksOffMidway() async throws {
        let reading = try await Self.readRecording(breakRate: 1)
        let length = try #require(reading.announced)
        // Half is sent; bytes still buffered when the connection closes may never arrive.
        #expect(reading.read <= length / 2)
        #expect(reading.error != nil, "the body ended cleanly after \(reading.read) of \(length) bytes")
    }

    @Test("a slow link paces the recording, and it arrives whole")
    func slowLink() async throws {
        let reading = try await Self.readRecording(bytesPerSecond: 2_000_000)
        #expect(reading.error == nil)
        #expect(reading.read == reading.announced)
        // At least 480 kB (30 s of talk) at 2 MB/s: no less than a fifth of a second.
        #expect(reading.elapsed >= .milliseconds(Int64(reading.read) * 1_000 / 2_000_000) - .milliseconds(20))
    }

    @Test("a break rate outside 0...1 and a negative pace are refused")
    func validation() {
        #expect(throws: SimulatorConfigurationError.self) { try SimulatorConfiguration(recordingBreakRate: 1.5).validate() }
        #expect(throws: SimulatorConfigurationError.self) { try SimulatorConfiguration(recordingBytesPerSecond: -1).validate() }
    }
}
