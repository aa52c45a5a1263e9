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

/// One timed health request and its answer.
struct HealthCheck: Sendable {
    /// The API's answer.
    let status: HealthStatus
    /// How long the request took, without retries.
    let latency: Duration
    /// The API's base URL.
    let baseURL: URL

    /// Asks the API once (give the client no retries, so that the latency is one request's).
    static func perform(_ client: VaaniClient) async throws -> HealthCheck {
        let start = ContinuousClock.now
        let status = try await client.health()
        return HealthCheck(status: status, latency: ContinuousClock.now - start, baseURL: client.configuration.baseURL)
    }

    /// `healthy (vaani-external-api) at https://api.vaanivoice.ai in 42 ms`.
    var text: String {
        let milliseconds = Double(latency.components.seconds) * 1_000 + Double(latency.components.attoseconds) / 1e15
        let service = status.service.map { " (\($0))" } ?? ""
        return "\(status.status ?? "unknown")\(service) at \(baseURL.absoluteString) in "
            + String(format: "%.0f ms", milliseconds)
    }
}
