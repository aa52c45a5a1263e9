import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Turns whatever an operation threw into the response the Vaani API would send: our own
/// ``SimulatorFailure`` as is, a body that does not decode as a 422 naming the field (FastAPI
/// style), a malformed request as 400, anything else as 500 — always with a JSON `detail`.
struct OpenAPIFailureMiddleware: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        metadata: ServerRequestMetadata,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        do {
            return try await next(request, body, metadata)
        } catch let error as ServerError {
            let failure = Self.failure(for: error)
            return (HTTPResponse(status: failure.status, headerFields: failure.httpHeaderFields), failure.httpBody)
        }
    }

    static func failure(for error: ServerError) -> SimulatorFailure {
        if let failure = error.underlyingError as? SimulatorFailure { return failure }
        if let decoding = decodingError(in: error.underlyingError) {
            return .validation([problem(for: decoding)])
        }
        if error.operationInput == nil {
            return .init(status: error.httpStatus == .internalServerError ? .badRequest : error.httpStatus,
                         detail: "\(error.causeDescription): \(error.underlyingError)")
        }
        return .internalError("\(error.causeDescription)")
    }

    static func decodingError(in error: any Error) -> DecodingError? {
        if let decoding = error as? DecodingError { return decoding }
        if let runtime = error as? ServerError { return decodingError(in: runtime.underlyingError) }
        let mirror = Mirror(reflecting: error)
        for child in mirror.children {
            if let inner = child.value as? any Error, let decoding = decodingError(in: inner) { return decoding }
        }
        return nil
    }

    static func problem(for error: DecodingError) -> SimulatorFailure.Problem {
        func location(_ path: [any CodingKey]) -> [String] {
            ["body"] + path.map { $0.intValue.map(String.init) ?? $0.stringValue }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .init(loc: location(context.codingPath + [key]), msg: "field required", type: "missing")
        case .typeMismatch(let type, let context):
            return .init(loc: location(context.codingPath), msg: "expected \(type)", type: "type_error")
        case .valueNotFound(let type, let context):
            return .init(loc: location(context.codingPath), msg: "expected \(type), found null", type: "type_error")
        case .dataCorrupted(let context):
            return .init(loc: location(context.codingPath), msg: "invalid JSON: \(context.debugDescription)", type: "json_invalid")
        @unknown default:
            return .init(loc: ["body"], msg: "\(error)", type: "value_error")
        }
    }
}
