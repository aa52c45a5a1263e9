import AsyncHTTPClient
import HTTPTypes
import NIOCore
import NIOPosix
import OpenAPIRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension VaaniError {
    /// The error for a request that got no HTTP answer, telling "nothing was sent" (the connection was never
    /// established) from "the request may have reached the server" (timeout, connection dropped).
    /// - Parameters:
    ///   - transportError: What the HTTP client threw, possibly wrapped in an OpenAPI `ClientError`.
    ///   - operation: The operation that failed.
    /// - Returns: `nil` for cancellation, which callers rethrow as it is.
    static func transport(_ transportError: any Error, operation: String) -> VaaniError? {
        let error = (transportError as? ClientError)?.underlyingError ?? transportError
        if let vaaniError = error as? VaaniError { return vaaniError }
        if error is CancellationError { return nil }
        func notSent(_ detail: String) -> VaaniError {
            VaaniError(kind: .connection, message: detail, operation: operation, requestMayHaveBeenSent: false)
        }
        func maybeSent(_ kind: Kind, _ detail: String) -> VaaniError {
            VaaniError(kind: kind, message: detail, operation: operation, requestMayHaveBeenSent: true)
        }
        switch error {
        case let error as HTTPClientError:
            switch error {
            case .cancelled: return nil
            case .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout:
                return notSent("could not connect to the Vaani API in time; nothing was sent")
            case .alreadyShutdown:
                return notSent("the client has been shut down; nothing was sent")
            case .invalidURL, .emptyHost, .emptyScheme:
                return notSent("the base URL is not a valid HTTP URL; nothing was sent")
            case .readTimeout, .deadlineExceeded:
                return maybeSent(.timeout, "no answer within the timeout; the request may have been processed")
            case .remoteConnectionClosed:
                return maybeSent(.connection, "the connection closed before an answer; the request may have been processed")
            default:
                return maybeSent(.connection, "the HTTP exchange failed (\(error)); the request may have been processed")
            }
        case let error as NIOConnectionError:
            return notSent("could not connect to \(error.host):\(error.port); nothing was sent")
        case ChannelError.connectTimeout(_):
            return notSent("could not connect to the Vaani API in time; nothing was sent")
        case let error as IOError where [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL].contains(error.errnoCode):
            return notSent("could not connect to the Vaani API (\(error)); nothing was sent")
        default:
            return maybeSent(.connection, "the request failed (\(error)); it may have been processed")
        }
    }

    /// The error for a response that arrived but could not be understood.
    /// - Parameters:
    ///   - clientError: The OpenAPI runtime's error, naming the operation and the cause.
    static func undecodable(_ clientError: ClientError) -> VaaniError {
        let status = clientError.response?.status.code
        var message = "the response to \(clientError.operationID) could not be read: \(clientError.causeDescription)"
        if let underlying = clientError.underlyingError as? DecodingError {
            message += " — " + underlying.readableDescription
        } else if !(clientError.underlyingError is ClientError) {
            message += " — \(clientError.underlyingError)"
        }
        return VaaniError(kind: .unexpected, statusCode: status, message: message, operation: clientError.operationID)
    }
}

extension DecodingError {
    /// Where in the JSON decoding failed and why, e.g. `data[3].call_id: expected String, found a number`.
    var readableDescription: String {
        func path(_ context: Context) -> String {
            let components = context.codingPath.map { key in
                key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
            }
            let joined = components.joined().drop { $0 == "." }
            return joined.isEmpty ? "the top level" : String(joined)
        }
        switch self {
        case .typeMismatch(let type, let context):
            return "\(path(context)): expected \(type) (\(context.debugDescription))"
        case .valueNotFound(let type, let context):
            return "\(path(context)): missing \(type) value (\(context.debugDescription))"
        case .keyNotFound(let key, let context):
            return "\(path(context)): missing field \"\(key.stringValue)\""
        case .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }
}
