import Foundation

/// Any JSON value, for the parts of an event whose shape the API decides: a call's extracted entities.
/// Encoded with sorted keys like the rest of the event; a number that is not finite is written as `null`.
public enum WebhookJSON: Sendable, Hashable, Codable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A whole number that fits 64 bits.
    case integer(Int64)
    /// Any other number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([WebhookJSON])
    /// An object.
    case object([String: WebhookJSON])

    /// Parses JSON text, for example an attempt's stored entities.
    /// - Parameter text: The JSON text.
    /// - Throws: ``WebhookError/invalidEvent`` when the text is not JSON.
    public init(parsing text: String) throws {
        do {
            self = try JSONDecoder().decode(WebhookJSON.self, from: Data(text.utf8))
        } catch {
            throw WebhookError.invalidEvent.with("the JSON value is not valid JSON")
        }
    }

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([WebhookJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: WebhookJSON].self))
        }
    }

    /// Encodes the value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
