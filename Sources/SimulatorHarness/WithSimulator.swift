import Logging
import ServiceLifecycle
public import VaaniSimulator

/// Starts the simulator on `127.0.0.1` with a free port, waits until it listens, runs `body`, then
/// shuts the simulator down (also when `body` throws) and returns what `body` returned.
///
/// ```swift
/// try await withSimulator(.init(seed: 7, speed: 600)) { simulator in
///     // point a client at simulator.baseURL with simulator.apiKey
///     let ledger = try await simulator.ledger()
/// }
/// ```
/// - Parameters:
///   - configuration: The simulator's configuration; its host and port are replaced.
///   - body: The work to do while the simulator runs.
/// - Throws: The simulator's start-up error (bad configuration), or what `body` threw.
public func withSimulator<R: Sendable>(
    _ configuration: SimulatorConfiguration = .init(),
    _ body: (RunningSimulator) async throws -> R
) async throws -> R {
    var configuration = configuration
    configuration.host = "127.0.0.1"
    configuration.port = 0
    var logger = Logger(label: "vaani.simulator.test")
    logger.logLevel = .warning
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let server = VaaniSimulatorServer(configuration: configuration, logger: logger) { port in
        portContinuation.yield(port)
        portContinuation.finish()
    }
    let serviceGroup = ServiceGroup(configuration: .init(services: [server], logger: logger))
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask {
            defer { portContinuation.finish() }
            try await serviceGroup.run()
        }
        var portIterator = ports.makeAsyncIterator()
        guard let port = await portIterator.next() else {
            try await tasks.waitForAll()
            throw SimulatorControlError(operation: "start", status: nil, detail: "the simulator stopped before it listened")
        }
        let simulator = RunningSimulator(
            port: port, apiKey: configuration.effectiveAPIKeys[0], configuration: configuration
        )
        let outcome: Result<R, any Error>
        do {
            outcome = .success(try await body(simulator))
        } catch {
            outcome = .failure(error)
        }
        await serviceGroup.triggerGracefulShutdown()
        try await tasks.waitForAll()
        return try outcome.get()
    }
}
