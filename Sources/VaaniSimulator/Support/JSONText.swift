import JSONFormat

/// A minimal JSON writer for the few fixed-shape bodies the simulator writes outside the
/// generated types (error bodies, control endpoints' small answers). Hand-written because these
/// sit on the hot path of rejected requests (429 under load), where `JSONEncoder` costs more than
/// the rest of the request.
enum JSONText: Sendable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    indirect case array([JSONText])
    indirect case object([(String, JSONText)])

    static func render(_ pairs: KeyValuePairs<String, JSONText>) -> String {
        JSONText.object(pairs.map { ($0.key, $0.value) }).text
    }

    var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .string(let value): Self.quote(value, into: &out)
        case .number(let value): out += value.isFinite ? "\(value)" : "null"
        case .integer(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (offset, (key, value)) in pairs.enumerated() {
                if offset > 0 { out += "," }
                Self.quote(key, into: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    static func quote(_ text: String, into out: inout String) {
        out += JSONString.literal(text)
    }
}
