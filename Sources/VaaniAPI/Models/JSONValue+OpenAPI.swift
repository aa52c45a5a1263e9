import OpenAPIRuntime

extension JSONValue {
    /// Converts a value the OpenAPI runtime decoded (`String`, `Int`, `Double`, `Bool`, arrays and
    /// dictionaries of those, or `nil`).
    init(openAPIValue value: (any Sendable)?) {
        switch value {
        case nil: self = .null
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .int(value)
        case let value as Double: self = .double(value)
        case let value as String: self = .string(value)
        case let value as [(any Sendable)?]: self = .array(value.map(JSONValue.init(openAPIValue:)))
        case let value as [String: (any Sendable)?]: self = .object(value.mapValues(JSONValue.init(openAPIValue:)))
        case let value?: self = .string(String(describing: value))
        }
    }

    /// The value as the OpenAPI runtime stores it.
    var openAPIValue: (any Sendable)? {
        switch self {
        case .null: nil
        case .bool(let value): value
        case .int(let value): value
        case .double(let value): value
        case .string(let value): value
        case .array(let value): value.map(\.openAPIValue)
        case .object(let value): value.mapValues(\.openAPIValue)
        }
    }

    /// Converts an optional free-form value; `nil` stays `nil`.
    init?(_ container: OpenAPIValueContainer?) {
        guard let container else { return nil }
        self.init(openAPIValue: container.value)
    }
}

extension OpenAPIObjectContainer {
    /// The members as ``JSONObject``.
    var jsonObject: JSONObject { value.mapValues(JSONValue.init(openAPIValue:)) }

    /// A container holding `object`.
    init(_ object: JSONObject) throws {
        try self.init(unvalidatedValue: object.mapValues(\.openAPIValue))
    }
}
