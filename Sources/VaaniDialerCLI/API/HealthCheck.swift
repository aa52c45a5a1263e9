import Foundation
import VaaniAPI

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
