import Foundation
import Testing

@testable import Webhooks

@Suite("Retry-After")
struct RetryAfterTests {
    /// Sun, 06 Nov 1994 08:49:37 GMT, RFC 9110's example.
    static let exampleSeconds: Int64 = 784_111_777

    @Test("Seconds, with surrounding spaces; a huge count saturates")
    func seconds() {
        let now = Date()
        #expect(RetryAfter.delay("120", now: now) == .seconds(120))
        #expect(RetryAfter.delay(" 0 ", now: now) == .zero)
        #expect(RetryAfter.delay("99999999999999999999999", now: now) == .seconds(Int64.max))
    }

    @Test("The three HTTP date forms RFC 9110 has recipients accept")
    func dates() {
        for text in ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
            #expect(RetryAfter.httpDateSeconds(text) == Self.exampleSeconds, "\(text)")
        }
        let now = Date(timeIntervalSince1970: Double(Self.exampleSeconds) - 90.5)
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == .milliseconds(90_500))
        let later = Date(timeIntervalSince1970: Double(Self.exampleSeconds) + 10)
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:49:37 GMT", now: later) == .zero)
    }

    @Test(
        "Anything else is not a Retry-After",
        arguments: [
            "", "soon", "-5", "1.5", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 06 Nov 94 08:49:37 GMT",
        ]
    )
    func invalid(text: String) {
        #expect(RetryAfter.delay(text, now: Date()) == nil)
    }
}
