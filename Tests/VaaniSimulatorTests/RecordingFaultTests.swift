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
    static func answeredCall(_ simulator: RunningSimulator) async throws -> String {
        let callID = try #require(try await simulator.trigger("+14155550100").callID)
        _ = try await simulator.waitUntilEnded(callID)
        return callID
    }

    /// Reads a recording until it ends or fails; returns the announced length, the bytes read and the error.
    static func read(_ simulator: RunningSimulator, _ callID: String) async throws -> (Int?, Int, (any Error)?) {
        var request = HTTPClientRequest(url: simulator.baseURL.absoluteString + "/api/stream/\(callID)")
        request.headers.add(name: "X-API-Key", value: simulator.apiKey)
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let announced = response.headers.first(name: "Content-Length").flatMap(Int.init)
        var read = 0
        do {
            for try await buffer in response.body { read += buffer.readableBytes }
        } catch {
            return (announced, read, error)
        }
        return (announced, read, nil)
    }

    static let answering = SimulatorConfiguration(speed: 600, answerRate: 1, noAnswerRate: 0, busyRate: 0, failRate: 0, voicemailRate: 0)

    @Test("a broken recording announces its whole length, sends at most half, then the connection fails")
    func breaksOffMidway() async throws {
        var configuration = Self.answering
        configuration.recordingBreakRate = 1
        try await withSimulator(configuration) { simulator in
            let callID = try await Self.answeredCall(simulator)
            let (announced, read, error) = try await Self.read(simulator, callID)
            let length = try #require(announced)
            // Half is sent; bytes still buffered when the connection closes may never arrive.
            #expect(read <= length / 2)
            #expect(error != nil, "the body ended cleanly after \(read) of \(length) bytes")
        }
    }

    @Test("a slow link paces the recording, and it arrives whole")
    func slowLink() async throws {
        var configuration = Self.answering
        configuration.recordingBytesPerSecond = 2_000_000
        try await withSimulator(configuration) { simulator in
            let callID = try await Self.answeredCall(simulator)
            let start = ContinuousClock.now
            let (announced, read, error) = try await Self.read(simulator, callID)
            let elapsed = ContinuousClock.now - start
            #expect(error == nil)
            #expect(read == announced)
            // At least 480 kB (30 s of talk) at 2 MB/s: no less than a fifth of a second.
            #expect(elapsed >= .milliseconds(Int64(read) * 1_000 / 2_000_000) - .milliseconds(20))
        }
    }

    @Test("a break rate outside 0...1 and a negative pace are refused")
    func validation() {
        #expect(throws: SimulatorConfigurationError.self) { try SimulatorConfiguration(recordingBreakRate: 1.5).validate() }
        #expect(throws: SimulatorConfigurationError.self) { try SimulatorConfiguration(recordingBytesPerSecond: -1).validate() }
    }
}
