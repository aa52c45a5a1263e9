import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime

/// An API error as the Vaani API sends it: a status and a JSON body whose message is in `detail`
/// (a string, or FastAPI-style `[{loc, msg, type}]` for validation failures). Thrown by middleware
/// and handlers alike; both Hummingbird and the OpenAPI runtime turn it into the same response.
struct SimulatorFailure: Error, Sendable {
    /// One problem of a failed validation, located like FastAPI does (`["body", "contact_number"]`).
    struct Problem: Sendable, Encodable {
        var loc: [String]
        var msg: String
        var type: String
    }

    var status: HTTPResponse.Status
    var detail: String
    var problems: [Problem] = []
    var headers: HTTPFields = [:]

    static func unauthorized(_ detail: String) -> Self { .init(status: .unauthorized, detail: detail) }
    static func paymentRequired(_ detail: String) -> Self { .init(status: .init(code: 402, reasonPhrase: "Payment Required"), detail: detail) }
    static func forbidden(_ detail: String) -> Self { .init(status: .forbidden, detail: detail) }
    static func notFound(_ detail: String) -> Self { .init(status: .notFound, detail: detail) }
    static func gone(_ detail: String) -> Self { .init(status: .gone, detail: detail) }
    static func internalError(_ detail: String) -> Self { .init(status: .internalServerError, detail: detail) }

    /// A 422 listing every problem found.
    static func validation(_ problems: [Problem]) -> Self {
        .init(
            status: .unprocessableContent,
            detail: problems.map { "\($0.loc.joined(separator: ".")): \($0.msg)" }.joined(separator: "; "),
            problems: problems
        )
    }

    /// A 422 for a single field of the request body.
    static func invalidField(_ field: String, _ message: String, in part: String = "body") -> Self {
        validation([.init(loc: [part, field], msg: message, type: "value_error")])
    }

    /// A 429 telling the client how many whole seconds to wait.
    static func rateLimited(retryAfterSeconds: Int) -> Self {
        .init(
            status: .tooManyRequests,
            detail: "Rate limit exceeded; retry after \(retryAfterSeconds) s",
            headers: [.retryAfter: String(retryAfterSeconds)]
        )
    }

    /// The JSON body: `{"detail": …}`.
    var bodyBytes: [UInt8] {
        if problems.isEmpty { return Array(JSONText.render(["detail": .string(detail)]).utf8) }
        struct ValidationBody: Encodable { var detail: [Problem] }
        return (try? Array(JSONEncoder().encode(ValidationBody(detail: problems)))) ?? Array(
            JSONText.render(["detail": .string(detail)]).utf8
        )
    }
}

extension SimulatorFailure: HTTPResponseConvertible {
    var httpStatus: HTTPResponse.Status { status }
    var httpHeaderFields: HTTPFields {
        var fields = headers
        fields[.contentType] = "application/json"
        return fields
    }
    var httpBody: OpenAPIRuntime.HTTPBody? { HTTPBody(bodyBytes) }
}

extension SimulatorFailure: HTTPResponseError {
    func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bodyBytes)))
    }
}
