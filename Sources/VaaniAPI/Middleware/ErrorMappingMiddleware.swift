import AsyncHTTPClient
import Foundation
import HTTPTypes
import OpenAPIRuntime

/// The one place where failures become ``VaaniError``: every non-2xx answer (with the server's message and
/// `Retry-After`), and every transport failure (timeout, refused or dropped connection).
///
/// Sitting between the generated client and the transport, it sees every status before the generated
/// deserializer does, so an HTML error page or an undocumented status becomes a typed error instead of a
/// content-type failure.
struct ErrorMappingMiddleware: ClientMiddleware {
    /// The most bytes of an error body read for its message; error bodies are small, HTML pages are cut.
    static let errorBodyLimit = 16 * 1024
    /// Operations whose successful body is streamed to the caller, not decoded, and so not limited.
    static let streamedOperations: Set<String> = ["streamAudio"]

    /// The most bytes of a successful JSON answer that are read.
    let responseLimit: Int
    /// The API key, removed from any error message a server echoes it in (some echo a refused key).
    let apiKey: String
    /// What replaces the key in messages, e.g. `vaani_…cdef`.
    let redactedAPIKey: String

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let response: HTTPResponse
        let responseBody: HTTPBody?
        do {
            (response, responseBody) = try await next(request, body, baseURL)
        } catch {
            guard let mapped = VaaniError.transport(error, operation: operationID) else { throw CancellationError() }
            throw mapped
        }
        guard response.status.kind != .successful else {
            guard !Self.streamedOperations.contains(operationID), let responseBody else { return (response, responseBody) }
            return (response, try LimitedBody.limiting(responseBody, to: responseLimit, response: response, operation: operationID))
        }
        let (prefix, breakOff) = await Self.prefix(of: responseBody, limit: Self.errorBodyLimit)
        var error = VaaniError(status: response.status.code, headers: response.headerFields, body: prefix, operation: operationID)
        if let breakOff {
            error.message += " (the answer's body broke off after \(prefix.count) bytes: \(Self.reason(breakOff)))"
        }
        if apiKey.count >= 8 {
            error.message = error.message.replacingOccurrences(of: apiKey, with: redactedAPIKey)
        }
        throw error
    }

    /// Up to `limit` bytes from the start of a body, and why it broke off if it did (a truncated error body
    /// still has a status; its message is what arrived, and the reason it stopped).
    static func prefix(of body: HTTPBody?, limit: Int) async -> (bytes: [UInt8], breakOff: (any Error)?) {
        guard let body else { return ([], nil) }
        var bytes: [UInt8] = []
        do {
            for try await chunk in body {
                bytes.append(contentsOf: chunk.prefix(limit - bytes.count))
                if bytes.count >= limit { break }
            }
        } catch {
            return (bytes, error)
        }
        return (bytes, nil)
    }

    /// Why a body stopped arriving, in a few words.
    static func reason(_ error: any Error) -> String {
        let underlying = (error as? ClientError)?.underlyingError ?? error
        switch underlying as? HTTPClientError {
        case .readTimeout?, .deadlineExceeded?: return "the request's timeout passed"
        case .remoteConnectionClosed?: return "the server closed the connection"
        // AsyncHTTPClient stops sending a request body once an error status arrives, then fails the
        // request over the unsent bytes.
        case .bodyLengthMismatch?, .requestStreamCancelled?: return "the server answered before the request was fully sent"
        default: return String(describing: underlying)
        }
    }
}
