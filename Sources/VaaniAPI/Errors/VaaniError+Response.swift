import Foundation
import HTTPTypes
import OpenAPIRuntime
import VaaniOpenAPI

extension VaaniError {
    /// The error for a non-2xx answer.
    /// - Parameters:
    ///   - status: The HTTP status code.
    ///   - headers: The response headers, for `Retry-After`.
    ///   - body: The start of the response body, if any.
    ///   - operation: The operation that was answered.
    ///   - now: The current time, for a `Retry-After` date.
    init(status: Int, headers: HTTPFields, body: [UInt8], operation: String, now: Date = Date()) {
        let kind: Kind =
            switch status {
            case 401: .authentication
            case 402: .insufficientBalance
            case 403: .forbidden
            case 404: .notFound
            case 410: .sessionExpired
            case 400, 422: .validation
            case 429: .rateLimited
            case 500...599: .server
            default: .unexpected
            }
        let retryAfter = headers[.retryAfter].flatMap { RetryAfter.delay(from: $0, now: now) }
        self.init(
            kind: kind,
            statusCode: status,
            message: Self.humanMessage(body: body, status: status),
            retryAfter: retryAfter,
            operation: operation,
            requestMayHaveBeenSent: true
        )
    }

    /// The human message of an error body: `detail`, else `message` of a JSON object, else the text itself
    /// (shortened, with markup of an HTML error page stripped), else the status's reason phrase.
    static func humanMessage(body: [UInt8], status: Int) -> String {
        if !body.isEmpty,
            let errorBody = try? JSONDecoder().decode(Components.Schemas.ErrorBody.self, from: Data(body)),
            let message = errorBody.humanMessage, !message.isEmpty
        {
            return message
        }
        var text = String(decoding: body, as: UTF8.self)
        if text.contains("<") && text.contains(">") {
            text = text.replacing(/<[^>]*>/, with: " ")
        }
        text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if text.isEmpty {
            let known: [HTTPResponse.Status] = [
                .badRequest, .unauthorized, .forbidden, .notFound, .gone, .unprocessableContent,
                .tooManyRequests, .internalServerError, .badGateway, .serviceUnavailable, .gatewayTimeout,
            ]
            let phrase = known.first { $0.code == status }?.reasonPhrase ?? "with an empty body"
            return "HTTP \(status) \(phrase)"
        }
        let limit = 300
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}
