import AsyncHTTPClient
import Foundation
import HTTPTypes
import Testing

@testable import VaaniAPI

@Suite("Error parsing")
struct ErrorParsingTests {
    @Test("Retry-After as seconds, fractional seconds and HTTP dates")
    func retryAfter() throws {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        #expect(RetryAfter.delay(from: "2", now: now) == .seconds(2))
        #expect(RetryAfter.delay(from: " 0 ", now: now) == .zero)
        #expect(RetryAfter.delay(from: "1.5", now: now) == .milliseconds(1500))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let later = formatter.string(from: now.addingTimeInterval(30))
        #expect(RetryAfter.delay(from: later, now: now) == .seconds(30))
        let earlier = formatter.string(from: now.addingTimeInterval(-30))
        #expect(RetryAfter.delay(from: earlier, now: now) == .zero)
        #expect(RetryAfter.delay(from: "soon", now: now) == nil)
        #expect(RetryAfter.delay(from: "-3", now: now) == nil)
    }

    @Test("Status codes map to kinds", arguments: [
        (401, VaaniError.Kind.authentication), (402, .insufficientBalance), (403, .forbidden), (404, .notFound),
        (410, .sessionExpired), (422, .validation), (429, .rateLimited), (500, .server), (503, .server),
        (418, .unexpected),
    ])
    func statusKinds(status: Int, kind: VaaniError.Kind) {
        let error = VaaniError(status: status, headers: [:], body: [], operation: "health")
        #expect(error.kind == kind)
        #expect(error.statusCode == status)
        #expect(!error.message.isEmpty)
    }

    @Test("The message comes from detail, message, validation lists, or the text")
    func messages() {
        func message(_ body: String) -> String { VaaniError.humanMessage(body: Array(body.utf8), status: 400) }
        #expect(message(#"{"detail": "Invalid API key"}"#) == "Invalid API key")
        #expect(message(#"{"message": "Balance too low"}"#) == "Balance too low")
        #expect(
            message(#"{"detail": [{"loc": ["body", "contact_number"], "msg": "not E.164"}]}"#)
                == "body.contact_number: not E.164"
        )
        #expect(message("<html><body><h1>502 Bad Gateway</h1></body></html>") == "502 Bad Gateway")
        #expect(message(#"{"detail": "trunc"#) == #"{"detail": "trunc"#)
        #expect(message("") == "HTTP 400 Bad Request")
    }

    @Test("Retry-After is read from the response headers")
    func retryAfterHeader() {
        var headers = HTTPFields()
        headers[.retryAfter] = "7"
        let error = VaaniError(status: 429, headers: headers, body: Array(#"{"detail":"slow down"}"#.utf8), operation: "triggerCall")
        #expect(error.retryAfter == .seconds(7))
        #expect(error.message == "slow down")
        #expect(error.description.contains("triggerCall"))
        #expect(error.description.contains("429"))
    }

    @Test("A broken-off error body says why in words, not as the HTTP library's error case")
    func breakOffReasons() {
        #expect(ErrorMappingMiddleware.reason(HTTPClientError.readTimeout) == "the request's timeout passed")
        #expect(ErrorMappingMiddleware.reason(HTTPClientError.remoteConnectionClosed) == "the server closed the connection")
        // AsyncHTTPClient's errors when an error status arrives while the request body is still being sent.
        #expect(
            ErrorMappingMiddleware.reason(HTTPClientError.bodyLengthMismatch)
                == "the server answered before the request was fully sent"
        )
        #expect(
            ErrorMappingMiddleware.reason(HTTPClientError.requestStreamCancelled)
                == "the server answered before the request was fully sent"
        )
        #expect(ErrorMappingMiddleware.reason(CancellationError()) == "CancellationError()")
    }
}
