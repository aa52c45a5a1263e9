/// The three Standard Webhooks request headers of one delivery attempt.
public struct WebhookHeaders: Sendable, Hashable {
    /// `webhook-id`.
    public static let idName = "webhook-id"
    /// `webhook-timestamp`.
    public static let timestampName = "webhook-timestamp"
    /// `webhook-signature`.
    public static let signatureName = "webhook-signature"

    /// The event's id, the same on every attempt: the receiver's idempotency key.
    public var id: String
    /// When the attempt was signed, in whole seconds since 1970.
    public var timestamp: Int64
    /// One `v1,<base64>` entry per secret, separated by spaces.
    public var signature: String

    /// Creates the headers.
    /// - Parameters:
    ///   - id: The `webhook-id` value.
    ///   - timestamp: The `webhook-timestamp` value, seconds since 1970.
    ///   - signature: The `webhook-signature` value.
    public init(id: String, timestamp: Int64, signature: String) {
        self.id = id
        self.timestamp = timestamp
        self.signature = signature
    }

    /// Reads the headers from a request's headers, whatever the case of their names.
    /// - Parameter fields: The request's header names and values.
    /// - Throws: ``WebhookError/invalidSignature`` naming the header that is missing or malformed.
    public init(_ fields: [(name: String, value: String)]) throws {
        func value(_ name: String) throws -> String {
            guard let value = fields.first(where: { $0.name.lowercased() == name })?.value, !value.isEmpty else {
                throw WebhookError.invalidSignature.with("the request has no \(name) header")
            }
            return value
        }
        let timestampText = try value(Self.timestampName)
        guard let timestamp = Int64(timestampText.trimmingASCIISpaces) else {
            throw WebhookError.invalidSignature.with(
                "the \(Self.timestampName) header is not a whole number of seconds since 1970"
            )
        }
        self.init(id: try value(Self.idName), timestamp: timestamp, signature: try value(Self.signatureName))
    }

    /// The headers as name–value pairs, in the order above.
    public var fields: [(name: String, value: String)] {
        [(Self.idName, id), (Self.timestampName, String(timestamp)), (Self.signatureName, signature)]
    }
}
