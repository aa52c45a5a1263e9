import HTTPTypes
import OpenAPIRuntime

/// A response body that fails once more than `limit` bytes have arrived, so that a server (or a proxy
/// in front of it) that sends an endless or gigantic answer costs a bounded amount of memory.
///
/// The generated client collects a JSON body whole before decoding it; this sits under it and stops
/// the collection with a ``VaaniError`` that names the operation and the limit.
struct LimitedBody: AsyncSequence, Sendable {
    typealias Element = HTTPBody.ByteChunk

    let base: HTTPBody
    let limit: Int
    let status: Int
    let operation: String

    /// `body`, limited; an announced `Content-Length` over the limit fails at once, before reading.
    static func limiting(_ body: HTTPBody, to limit: Int, response: HTTPResponse, operation: String) throws -> HTTPBody {
        if case .known(let length) = body.length, length > limit {
            throw tooLarge(limit: limit, status: response.status.code, operation: operation, announced: length)
        }
        return HTTPBody(
            LimitedBody(base: body, limit: limit, status: response.status.code, operation: operation),
            length: body.length,
            iterationBehavior: body.iterationBehavior
        )
    }

    static func tooLarge(limit: Int, status: Int, operation: String, announced: Int64? = nil) -> VaaniError {
        let size = announced.map { " (\($0) bytes announced)" } ?? ""
        return VaaniError(
            kind: .unexpected,
            statusCode: status,
            message: "the answer to \(operation) is longer than the client's limit of \(limit) bytes\(size); "
                + "stopped reading it (VaaniConfiguration.maxResponseBytes)",
            operation: operation
        )
    }

    func makeAsyncIterator() -> Iterator {
        Iterator(base: base.makeAsyncIterator(), limit: limit, status: status, operation: operation)
    }

    struct Iterator: AsyncIteratorProtocol {
        var base: HTTPBody.AsyncIterator
        let limit: Int
        let status: Int
        let operation: String
        var received = 0

        mutating func next() async throws -> HTTPBody.ByteChunk? {
            guard let chunk = try await base.next() else { return nil }
            received += chunk.count
            if received > limit {
                throw LimitedBody.tooLarge(limit: limit, status: status, operation: operation)
            }
            return chunk
        }
    }
}
