import SimulatorHarness
import Logging
import Synchronization
import Testing
import VaaniAPI
import VaaniSimulator

/// Keeps every log line and its metadata, at every level.
private struct CapturingLogHandler: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        lines.append("\(event.level) \(event.message) \(merged) \(event.source) \(event.error.map { "\($0)" } ?? "")")
    }
}

/// The captured lines, shared between the handler and the test.
private final class LogLines: Sendable {
    private let storage = Mutex<[String]>([])

    func append(_ line: String) { storage.withLock { $0.append(line) } }

    var all: [String] { storage.withLock { $0 } }
}

@Suite("Log redaction")
struct LogRedactionTests {
    @Test("Retries, failures and event sockets log at trace level without the API key")
    func noKeyInLogs() async throws {
        let apiKey = "vaani_5ec7e7000000000000000000000000aa"
        let lines = LogLines()
        let logger = Logger(label: "vaani.test") { _ in CapturingLogHandler(lines: lines) }
        let retryPolicy = RetryPolicy(initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(2))
        // One token per 20 s: the second request is refused however slowly a loaded (or sanitized) machine
        // sends it.
        let limited = SimulatorConfiguration(apiKeys: [apiKey], rateLimit: 0.05, burst: 1)
        try await withSimulator(limited) { simulator in
            let configuration = clientConfiguration(simulator, retryPolicy: retryPolicy)
            try await VaaniClient.withClient(configuration, logger: logger) { client in
                _ = try await client.health()
                _ = try await client.health()
            }
        }
        try await withSimulator(SimulatorConfiguration(apiKeys: [apiKey], speed: 20)) { simulator in
            let configuration = clientConfiguration(simulator, retryPolicy: retryPolicy)
            try await VaaniClient.withClient(configuration, logger: logger) { client in
                let session = try await client.sessions.create(agentID: SimulatorConfiguration.demoAgentID)
                _ = try await client.sessions.connect(token: session.token)
                for try await event in client.sessions.events(token: session.token) where event == .agentReady {
                    try await client.sessions.disconnect(token: session.token, explicitEnd: true)
                }
                let error = await #expect(throws: VaaniError.self) { try await client.calls.details(callID: "missing") }
                #expect(error?.kind == .notFound)
            }
        }
        let captured = lines.all
        #expect(captured.contains { $0.contains("Retrying") })
        #expect(!captured.contains { $0.contains(apiKey) })
    }
}
