import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Adds the `X-API-Key` header to every request.
struct APIKeyMiddleware: ClientMiddleware {
    /// The key. The middleware has no description of its own, so the key never reaches a log.
    let apiKey: String

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.vaaniAPIKey] = apiKey
        return try await next(request, body, baseURL)
    }
}

extension HTTPField.Name {
    /// `X-API-Key`, the Vaani API's authentication header.
    static var vaaniAPIKey: Self { Self("X-API-Key")! }
}
