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

    /// The variables as name–value pairs in stored (column) order; a value that is not a string (a
    /// number, `true`, `null`, an object) is given as its JSON text. Empty when the stored text is not
    /// a JSON object.
    ///
    /// ```swift
    /// ContactVariables([("city", "Pune"), ("plan", "Gold")]).pairs  // [("city", "Pune"), ("plan", "Gold")]
    /// ```
    public var pairs: [(name: String, value: String)] {
        VariablesReader.pairs(json)
    }

    /// The variables as a dictionary (a name given twice keeps its last value), values as in ``pairs``.
    /// Empty when the stored text is not a JSON object.
    public var dictionary: [String: String] {
        Dictionary(pairs.lazy.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}
