import Foundation

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
            Self.appendJSONString(pair.name.utf8, to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            Self.appendJSONString(pair.value.utf8, to: &buffer)
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

    /// Appends `bytes` (valid UTF-8) as a JSON string literal: quotes, backslashes and control
    /// characters escaped, everything else copied. Hand-written because the importer encodes one
    /// object per CSV row and `JSONEncoder` costs microseconds per call; inlinable so that the
    /// importer's call is specialized for its byte slices (in a 1M-row import profile, unspecialized
    /// generic iteration was about a tenth of all samples), and a value with nothing to escape, the
    /// common case, is copied in one piece.
    @inlinable
    package static func appendJSONString<Bytes: Collection<UInt8>>(_ bytes: Bytes, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        if !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            buffer.append(contentsOf: bytes)
            buffer.append(UInt8(ascii: "\""))
            return
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                buffer.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
                ])
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
