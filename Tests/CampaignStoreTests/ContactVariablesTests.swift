import Foundation
import Testing

@testable import CampaignStore

/// The one parser of stored variables, read by the reports (in column order) and by the engine (as the
/// call's metadata).
@Suite("Contact variables")
struct ContactVariablesTests {
    @Test("Variables keep their stored order; escapes and non-string values are read")
    func pairs() {
        let variables = ContactVariables(
            validJSON: #"{ "z": "1", "a":"x\"y\\z\n\u00e9\ud83d\ude00", "n": 12.5, "b": true, "o": {"k": [1, "}"]}, "#
                + #""e": "" }"#
        )
        #expect(variables.pairs.map(\.name) == ["z", "a", "n", "b", "o", "e"])
        #expect(variables.pairs.map(\.value) == ["1", "x\"y\\z\né😀", "12.5", "true", #"{"k": [1, "}"]}"#, ""])
    }

    @Test("Text that is not a JSON object yields no variables", arguments: [
        "", "[]", "\"text\"", "{", #"{"a":}"#, #"{"a" "b"}"#, #"{"a":"unterminated}"#,
    ])
    func invalid(json: String) {
        #expect(ContactVariables(validJSON: json).pairs.isEmpty)
        #expect(ContactVariables(validJSON: json).dictionary.isEmpty)
    }

    @Test("The dictionary holds the same values; a name given twice keeps its last value")
    func dictionary() {
        let variables = ContactVariables(validJSON: #"{"plan":"Silver","due":1200,"plan":"Gold","note":null}"#)
        #expect(variables.dictionary == ["plan": "Gold", "due": "1200", "note": "null"])
    }

    @Test("What the importer encodes reads back as it was, line separators included")
    func roundTrip() throws {
        let pairs = [
            (name: "city", value: "Pune"), (name: #"we"ird\key"#, value: "line1\nline2\t\u{01}"),
            (name: "js", value: "a\u{2028}b\u{2029}c"), (name: "amount", value: "₹ 1,200 — नमस्ते"),
        ]
        let variables = ContactVariables(pairs)
        #expect(variables.json.contains(#""js":"a\u2028b\u2029c""#))
        #expect(variables.pairs.map(\.name) == pairs.map(\.name))
        #expect(variables.pairs.map(\.value) == pairs.map(\.value))
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(variables.json.utf8))
        #expect(decoded == variables.dictionary)
    }
}
