import CampaignStore
import Foundation
import SimulatorHarness
import Testing
import VaaniAPI
import VaaniSimulator

/// A simulator, a private directory and the environment that points `vaani-dialer` at them: the
/// setting of every end-to-end test of the API commands.
struct APIBench {
    let simulator: RunningSimulator
    let directory: SafetyDirectory

    /// `VAANI_API_KEY` and `VAANI_BASE_URL` of the simulator.
    var environment: [String: String] {
        ["VAANI_API_KEY": simulator.apiKey, "VAANI_BASE_URL": simulator.baseURL.absoluteString]
    }

    /// Runs `body` with a simulator configured as given and a fresh directory.
    static func with<Value: Sendable>(
        _ configuration: SimulatorConfiguration = .init(), _ body: (APIBench) async throws -> Value
    ) async throws -> Value {
        try await SafetyDirectory.with { directory in
            try await withSimulator(configuration) { simulator in
                try await body(APIBench(simulator: simulator, directory: directory))
            }
        }
    }

    /// Runs the built `vaani-dialer` with `arguments` in the directory, against the simulator.
    func dialer(
        _ arguments: [String], environment extra: [String: String] = [:], timeout: Duration = .seconds(120)
    ) async throws -> DialerProcess.Result {
        try await DialerProcess.run(
            arguments, in: directory.url, environment: environment.merging(extra) { $1 }, timeout: timeout
        )
    }

    /// Starts the built `vaani-dialer` without waiting for it.
    func start(_ arguments: [String]) throws -> DialerProcess.Running {
        try DialerProcess.start(arguments, in: directory.url, environment: environment)
    }

    /// Runs `body` with a client of the simulator, in this process.
    func withClient<Value: Sendable>(_ body: (VaaniClient) async throws -> Value) async throws -> Value {
        try await VaaniClient.withClient(VaaniConfiguration(apiKey: simulator.apiKey, baseURL: simulator.baseURL), body)
    }

    /// The bytes of a call's recording exactly as the simulator streams it when the stream is whole
    /// (a stream the simulator breaks off on purpose is asked for again).
    func recording(_ callID: String) async throws -> Data {
        try await withClient { client in
            for _ in 0..<100 {
                let audio = try await client.calls.audio(callID: callID)
                var data = Data()
                do {
                    for try await chunk in audio { data.append(contentsOf: chunk) }
                } catch is VaaniError {
                    continue
                }
                if audio.contentLength.map({ $0 == Int64(data.count) }) ?? true { return data }
            }
            throw DialerProcessError(description: "the recording of \(callID) never arrived whole")
        }
    }

    /// The recordings of many calls, fetched at once (the simulator may send each one slowly).
    func recordings(_ callIDs: [String]) async throws -> [String: Data] {
        try await withThrowingTaskGroup(of: (String, Data).self) { group in
            for callID in callIDs { group.addTask { (callID, try await recording(callID)) } }
            var recordings: [String: Data] = [:]
            for try await (callID, data) in group { recordings[callID] = data }
            return recordings
        }
    }
}
