import HTMLFormat
import Hummingbird
import Logging

/// Turns every error into an answer in the caller's language: JSON with a stable code for the API
/// (`{"error": {"code", "message"}}`), a short page for the dashboard. Unexpected errors are logged and
/// answered 500 without their details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = DialerRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = Self.apiError(for: error)
            if apiError.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(error)"])
            }
            if AccessMiddleware.isAPIPath(request.uri.path) { return apiError.response() }
            let body = """
                <h1>\(HTMLText.escape(apiError.status.reasonPhrase))</h1>
                <p class="error-box">\(HTMLText.escape(apiError.message))</p>
                <p><a href="/">Back to the campaigns</a></p>
                """
            return DashboardPage(title: apiError.status.reasonPhrase, csrf: nil, body: body).response(status: apiError.status)
        }
    }

    static func apiError(for error: any Error) -> APIError {
        if let error = error as? APIError { return error }
        if let error = error as? HTTPError {
            let code =
                switch error.status {
                case .notFound: "not_found"
                case .methodNotAllowed: "method_not_allowed"
                case .contentTooLarge: "payload_too_large"
                case .badRequest: "bad_request"
                case .unsupportedMediaType: "unsupported_media_type"
                default: "http_\(error.status.code)"
                }
            let message =
                switch error.status {
                case .notFound: "Nothing here: check the path (the API is described at /api/v1/openapi.yaml)."
                case .contentTooLarge: "The request body is too large."
                default: error.body ?? error.status.reasonPhrase
                }
            return APIError(error.status, code: code, message: message)
        }
        return APIError(.internalServerError, code: "internal_error", message: "The server failed; see its log.")
    }
}
