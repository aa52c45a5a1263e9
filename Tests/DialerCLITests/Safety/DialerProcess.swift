import CampaignStore
import Foundation
import Testing

/// The built `vaani-dialer` executable (or `vaani-dialer-bench`) run as a child process, as a user runs
/// it: real arguments, environment, standard output and error, and exit status.
struct DialerProcess {
    /// What a finished run left behind.
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
        /// Both streams, for "appears nowhere" checks.
        var allOutput: String { standardOutput + standardError }
    }

    /// The product `name` next to the test bundle (`swift build` puts every product in one directory).
    static func executable(_ name: String = "vaani-dialer") throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ].map { $0.appendingPathComponent(name) }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw DialerProcessError(description: "\(name) is not built next to the tests: \(candidates.map(\.path))")
        }
        return found
    }

    /// A started `vaani-dialer` (or `vaani-dialer-bench`), its output going to files in its directory.
    struct Running {
        /// The child process (for its pid, or to signal it).
        let process: Process
        let program: String
        let arguments: [String]
        let outputURL: URL
        let errorURL: URL
        let output: FileHandle
        let error: FileHandle

        /// Waits for the process to exit, killing it after `timeout`, and returns what it printed.
        func finish(timeout: Duration = .seconds(120)) async throws -> Result {
            defer {
                try? FileManager.default.removeItem(at: outputURL)
                try? FileManager.default.removeItem(at: errorURL)
            }
            let deadline = ContinuousClock.now + timeout
            while process.isRunning {
                if ContinuousClock.now > deadline {
                    process.terminate()
                    process.waitUntilExit()
                    try? output.close()
                    try? error.close()
                    throw DialerProcessError(
                        description: "\(program) \(arguments.joined(separator: " ")) did not finish within "
                            + "\(timeout); stderr: "
                            + ((try? String(contentsOf: errorURL, encoding: .utf8)) ?? "")
                    )
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            try output.close()
            try error.close()
            return Result(
                status: process.terminationStatus,
                standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
                standardError: try String(contentsOf: errorURL, encoding: .utf8)
            )
        }
    }

    /// Starts `vaani-dialer arguments…` (or the product `program`) in `directory` with `environment`
    /// added to a minimal one (no inherited VAANI_* variables; sanitizer options pass through).
    static func start(
        _ arguments: [String],
        in directory: URL,
        environment: [String: String] = [:],
        program: String = "vaani-dialer"
    ) throws -> Running {
        let process = Process()
        process.executableURL = try executable(program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var base = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8"]
        // Under scripts/sanitize.sh the child is instrumented too: give it the same sanitizer options.
        for (name, value) in ProcessInfo.processInfo.environment where name.hasSuffix("SAN_OPTIONS") {
            base[name] = value
        }
        base.merge(environment) { $1 }
        process.environment = base
        let outputURL = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let errorURL = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        let error = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(
            process: process, program: program, arguments: arguments, outputURL: outputURL, errorURL: errorURL,
            output: output, error: error
        )
    }

    /// Runs `vaani-dialer arguments…` (or the product `program`) to its end (see
    /// ``start(_:in:environment:program:)``), killing it after `timeout`.
    static func run(
        _ arguments: [String],
        in directory: URL,
        environment: [String: String] = [:],
        program: String = "vaani-dialer",
        timeout: Duration = .seconds(120)
    ) async throws -> Result {
        try await start(arguments, in: directory, environment: environment, program: program).finish(timeout: timeout)
    }
}

/// The executable could not be found or did not finish.
struct DialerProcessError: Error, CustomStringConvertible {
    let description: String
}
