import Foundation
import JSONFormat

/// A contact's template variables (every CSV column besides phone and name), kept in column order
/// as the JSON object text stored in `contacts.variables` and sent as the call's `metadata`.
public struct ContactVariables: Sendable, Hashable {
    /// The JSON object text, for example `{"city":"Pune","plan":"Gold"}`.
    public let json: String

    /// An empty set of variables, `{}`.
    public static let empty = ContactVariables(validJSON: "{}")

    /// Encodes name–value pairs, in order, as a JSON object.
    ///
    /// - Parameter pairs: Variable names and values; a later duplicate name is kept as another key
    ///   of the same text, so callers should pass unique names.
    public init(_ pairs: [(name: String, value: String)]) {
        var buffer: [UInt8] = [UInt8(ascii: "{")]
        for (index, pair) in pairs.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            JSONString.append(pair.name.utf8, to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            JSONString.append(pair.value.utf8, to: &buffer)
        }
        buffer.append(UInt8(ascii: "}"))
        json = String(decoding: buffer, as: UTF8.self)
    }

    /// Wraps JSON object text that the caller guarantees to be valid (the schema checks it again).
    package init(validJSON: String) {
        json = validJSON
    }

    /// The variables as a dictionary; empty when the stored text is not a JSON object of strings.
    public var dictionary: [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
    }
}
