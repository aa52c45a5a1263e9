import Foundation

/// The Standard Webhooks reference library for Python (`pip install standardwebhooks`), run in a
/// child process to verify what we sign.
enum ReferenceLibrary {
    /// Why the cross-check cannot run here, or `nil` when it can.
    static let unavailableReason: String? = {
        guard let python = pythonPath else { return "python3 is not on the PATH" }
        let result = run(python, ["-c", "import standardwebhooks"], environment: [:])
        return result?.status == 0
            ? nil : "the Python package standardwebhooks is not installed (python3 -m pip install standardwebhooks)"
    }()

    /// Whether the cross-check can run.
    static var isAvailable: Bool { unavailableReason == nil }

    /// Verifies a request with the reference library, as a receiver would. The child process is
    /// waited for on a thread of its own, never on one of the few that run the tests' tasks.
    /// - Returns: The library's exit status (0 when it verified) and what it printed.
    static func verify(
        secret: String,
        headers: [(name: String, value: String)],
        body: [UInt8]
    ) async -> (status: Int32, output: String)? {
        guard let python = pythonPath else { return nil }
        let script = """
            import os, sys
            from standardwebhooks.webhooks import Webhook, WebhookVerificationError
            headers = {
                "webhook-id": os.environ["WH_ID"],
                "webhook-timestamp": os.environ["WH_TIMESTAMP"],
                "webhook-signature": os.environ["WH_SIGNATURE"],
            }
            body = sys.stdin.buffer.read().decode("utf-8")
            try:
                Webhook(os.environ["WH_SECRET"]).verify(body, headers)
            except WebhookVerificationError as error:
                print("rejected:", error)
                sys.exit(1)
            print("verified")
            """
        let value = { (name: String) in headers.first { $0.name == name }?.value ?? "" }
        let environment = [
            "WH_SECRET": secret, "WH_ID": value("webhook-id"), "WH_TIMESTAMP": value("webhook-timestamp"),
            "WH_SIGNATURE": value("webhook-signature"),
        ]
        return await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: run(python, ["-c", script], environment: environment, input: body))
            }.start()
        }
    }

    private static let pythonPath: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    private static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        input: [UInt8] = []
    ) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        do {
            try process.run()
        } catch {
            return nil
        }
        stdin.fileHandleForWriting.write(Data(input))
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
