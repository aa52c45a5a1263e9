import Foundation
public import HTTPTypes
public import Hummingbird

/// An error answer of the server's API: `{"error": {"code": "…", "message": "…"}}` with an HTTP status.
/// Codes are stable; messages are for people.
public struct APIError: HTTPResponseError, Sendable, Hashable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The stable machine-readable code, e.g. `campaign_not_found`.
    public var code: String
    /// What happened, as a sentence.
    public var message: String
    /// Extra headers (`WWW-Authenticate`).
    public var headers: HTTPFields = [:]

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The JSON answer.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }

    /// The JSON answer.
    public func response() -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let body = JSONResponse.encode(ErrorBody(error: .init(code: code, message: message)))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// 401: no or a wrong token.
    static func unauthorized(_ message: String = "Send Authorization: Bearer TOKEN (the token is in the server's token file), or log in.") -> APIError {
        var error = APIError(.unauthorized, code: "unauthorized", message: message)
        error.headers[.wwwAuthenticate] = "Bearer realm=\"vaani-dialer\""
        return error
    }

    /// 403: a cookie-authenticated change without a valid CSRF token or from another origin.
    static func csrf(_ message: String) -> APIError {
        APIError(.forbidden, code: "csrf_failed", message: message)
    }

    /// 404 for a campaign.
    static func campaignNotFound(_ name: String) -> APIError {
        APIError(.notFound, code: "campaign_not_found", message: "No campaign named \"\(name)\".")
    }

    /// 400 for a bad parameter.
    static func invalidParameter(_ name: String, _ reason: String) -> APIError {
        APIError(.badRequest, code: "invalid_parameter", message: "\(name): \(reason)")
    }
}

/// The JSON shape of an error answer.
struct ErrorBody: Codable, Sendable {
    struct Detail: Codable, Sendable {
        var code: String
        var message: String
    }

    var error: Detail
}
