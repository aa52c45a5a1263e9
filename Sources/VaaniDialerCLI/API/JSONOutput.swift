import Foundation
import VaaniAPI

/// JSON for standard output: pretty-printed with sorted keys, so scripts and people read the same text.
enum JSONOutput {
    /// `value` as indented JSON text.
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// An object of the members that are not nil, plus `extra` (named members win).
    static func object(_ members: [String: JSONValue?], extra: JSONObject = [:]) -> JSONValue {
        var object = extra
        for (key, value) in members {
            if let value { object[key] = value }
        }
        return .object(object)
    }
}
