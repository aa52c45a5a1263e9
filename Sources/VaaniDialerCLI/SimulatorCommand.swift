import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import VaaniSimulator

/// `vaani-dialer simulator`: serves the Vaani API locally for rehearsals, demos and tests.
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Run a local Vaani API simulator.",
        discussion: """
            Prints one line, "Vaani simulator listening on http://HOST:PORT", once it accepts requests, \
            and stops cleanly on SIGINT or SIGTERM. Control endpoints for tests: GET /_sim/stats, \
            GET /_sim/ledger, GET and POST /_sim/wallet.
            """
    )

    @Option(help: "Host to bind.") var host = "127.0.0.1"
    @Option(help: "Port to bind; 0 picks a free port.") var port = 8001
    @Option(name: .customLong("api-key"), help: "An accepted API key (repeatable); without any, the demo key.")
    var apiKeys: [String] = []
    @Option(help: "Seed of all random draws (same seed and requests, same outcomes).") var seed: UInt64 = 42
    @Option(help: "Time compression: ring and talk times are divided by this.") var speed = 1.0
    @Option(name: .customLong("rate-limit"), help: "Requests per second per key; 0 means unlimited.")
    var rateLimit = 0.0
    @Option(help: "Token bucket size (requests at once); 0 means one second's worth.") var burst = 0
    @Option(help: "Starting wallet balance of every key.") var balance = 1_000_000.0
    @Option(name: .customLong("price-per-minute"), help: "Price of a connected minute.") var pricePerMinute = 0.05
    @Option(name: .customLong("answer-rate"), help: "Weight of answered calls.") var answerRate = 0.70
    @Option(name: .customLong("no-answer-rate"), help: "Weight of unanswered calls.") var noAnswerRate = 0.15
    @Option(name: .customLong("busy-rate"), help: "Weight of busy lines.") var busyRate = 0.07
    @Option(name: .customLong("fail-rate"), help: "Weight of failed calls.") var failRate = 0.03
    @Option(name: .customLong("voicemail-rate"), help: "Weight of voicemail.") var voicemailRate = 0.05
    @Option(name: .customLong("dnd"), help: ArgumentHelp("A Do-Not-Disturb number, or a file of them (repeatable).", valueName: "number-or-file"))
    var dnd: [String] = []
    @Option(help: ArgumentHelp("Latency added to every API response.", valueName: "ms")) var latency = 0
    @Option(name: .customLong("error-rate"), help: "Probability of a trigger 5xx before anything is placed.")
    var errorRate = 0.0
    @Option(name: .customLong("ambiguous-rate"), help: "Probability of a trigger 5xx after the call was placed.")
    var ambiguousRate = 0.0
    @Option(name: .customLong("hang-rate"), help: "Probability of a trigger held past any client timeout after placing.")
    var hangRate = 0.0
    @Option(name: .customLong("drop-rate"), help: "Probability of a trigger whose connection is closed after placing.")
    var dropRate = 0.0
    @Option(
        name: .customLong("garbage-rate"),
        help: "Probability of a hostile trigger answer: truncated JSON, wrong types, an endless body, HTML 503, 418."
    )
    var garbageRate = 0.0
    @Option(
        name: .customLong("recording-break-rate"),
        help: "Probability that a recording breaks off midway (half its announced bytes, then the connection closes)."
    )
    var recordingBreakRate = 0.0
    @Option(name: .customLong("recording-bytes-per-second"), help: "Speed recordings are sent at; 0 means unlimited.")
    var recordingBytesPerSecond = 0

    func validate() throws {
        if latency < 0 { throw ValidationError("invalid --latency: \(latency) must not be negative") }
        do {
            try simulatorConfiguration().validate()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func simulatorConfiguration() throws(SimulatorConfigurationError) -> SimulatorConfiguration {
        SimulatorConfiguration(
            host: host, port: port, apiKeys: apiKeys, seed: seed, speed: speed, rateLimit: rateLimit, burst: burst,
            balance: balance, pricePerMinute: pricePerMinute, answerRate: answerRate, noAnswerRate: noAnswerRate,
            busyRate: busyRate, failRate: failRate, voicemailRate: voicemailRate,
            dndNumbers: try SimulatorConfiguration.dndNumbers(from: dnd), latency: .milliseconds(latency),
            errorRate: errorRate, ambiguousRate: ambiguousRate, hangRate: hangRate, dropRate: dropRate,
            garbageRate: garbageRate, recordingBreakRate: recordingBreakRate,
            recordingBytesPerSecond: recordingBytesPerSecond
        )
    }

    func run() async throws {
        let configuration = try simulatorConfiguration()
        var logger = Logger(label: "vaani.simulator") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = .warning
        let host = configuration.host
        let server = VaaniSimulatorServer(configuration: configuration, logger: logger) { port in
            if configuration.apiKeys.isEmpty {
                FileHandle.standardError.write(Data("API key: \(SimulatorConfiguration.demoAPIKey) (demo key)\n".utf8))
            }
            FileHandle.standardOutput.write(Data("Vaani simulator listening on http://\(host):\(port)\n".utf8))
        }
        let group = ServiceGroup(
            configuration: .init(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
    }
}
