import Foundation
import Testing

import JSONFormat

@Suite("JSON strings")
struct JSONStringTests {
    @Test(
        "Quotes, backslashes, control characters and line separators are escaped; the rest is copied",
        arguments: [
            ("plain", #""plain""#),
            ("", #""""#),
            ("a\"b\\c", #""a\"b\\c""#),
            ("line1\nline2\r\t", #""line1\nline2\r\t""#),
            ("\u{01}\u{1F}", #""\u0001\u001f""#),
            ("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#),
            ("₹ 1,200 — नमस्ते 😀 é", "\"₹ 1,200 — नमस्ते 😀 é\""),
            ("'; DROP TABLE contacts; --", #""'; DROP TABLE contacts; --""#),
        ]
    )
    func escapes(text: String, expected: String) throws {
        #expect(JSONString.literal(text) == expected)
        let decoded = try JSONSerialization.jsonObject(with: Data(expected.utf8), options: [.fragmentsAllowed])
        #expect(decoded as? String == text)
    }

    @Test("Bytes are appended after what the buffer holds, from any collection of UTF-8")
    func appendsBytes() {
        var buffer = Array("{".utf8)
        let field = Array("x\"y\u{2028}".utf8)[...]
        JSONString.append(field, to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == #"{"x\"y\u2028""#)
    }

    @Test("A line separator cut off at the end of the text is copied as it is")
    func truncatedSeparator() {
        var buffer: [UInt8] = []
        JSONString.append([0x61, 0xE2, 0x80], to: &buffer)
        #expect(buffer == [0x22, 0x61, 0xE2, 0x80, 0x22])
    }
}
