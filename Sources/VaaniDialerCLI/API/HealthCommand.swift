import ArgumentParser
import Foundation
import VaaniAPI

/// `vaani-dialer health`: whether the API is up and accepts the key, and how long one request takes.
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Check that the Vaani API is reachable and accepts the API key, and time one request.",
        discussion: """
            Prints the service's status and the latency of one request. Exit codes: 0 healthy, 1 unreachable \
            or unhealthy, 4 the API key was refused.
            """
    )

    @OptionGroup var api: APIOptions

    func run() async throws {
        let report = try await api.withClient(retryPolicy: .never) { client in try await HealthCheck.perform(client) }
        print(report.text)
        if !report.status.isHealthy { throw ExitCode.failure }
    }
}
