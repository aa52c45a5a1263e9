import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// Sends a request again when its ``RetrySchedule`` says so, sleeping on the injected clock in between.
///
/// It sits outside ``ErrorMappingMiddleware``, so every failure it sees is already a ``VaaniError``.
struct RetryMiddleware: ClientMiddleware {
    let policy: RetryPolicy
    let clock: any Clock<Duration>
    let logger: Logger

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        // A streamed request body can be sent only once; none of the API's bodies is streamed.
        if let body, body.iterationBehavior == .single { return try await next(request, body, baseURL) }
        let safety: RetrySchedule.Safety = request.method == .get ? .idempotent : .write
        var schedule = RetrySchedule(policy: policy, safety: safety)
        var random = SystemRandomNumberGenerator()
        while true {
            do {
                return try await next(request, body, baseURL)
            } catch {
                guard let vaaniError = Self.vaaniError(in: error) else { throw error }
                switch schedule.next(after: vaaniError, using: &random) {
                case .fail:
                    throw error
                case .retry(let delay):
                    logger.debug(
                        "Retrying a Vaani API request",
                        metadata: [
                            "vaani.operation": "\(operationID)",
                            "vaani.error": "\(vaaniError.kind)",
                            "vaani.status": "\(vaaniError.statusCode.map(String.init) ?? "none")",
                            "vaani.attempt": "\(schedule.attempts)",
                            "vaani.delay_ms": "\(delay.nanoseconds / 1_000_000)",
                        ]
                    )
                    try await clock.sleep(for: delay)
                }
            }
        }
    }

    /// The ``VaaniError`` inside what an inner middleware threw (the runtime wraps it in a `ClientError`).
    static func vaaniError(in error: any Error) -> VaaniError? {
        if let error = error as? VaaniError { return error }
        return (error as? ClientError)?.underlyingError as? VaaniError
    }
}
