public import OpenAPIRuntime

/// One placed call as `/_sim/ledger` reports it: the proof of who was dialed, when and why.
public struct LedgerEntry: Sendable, Codable, Equatable {
    /// The call's id.
    public var callID: String
    /// The number dialed.
    public var contactNumber: String
    /// The contact's name.
    public var name: String
    /// The request's `metadata`, a JSON object.
    public var metadata: OpenAPIObjectContainer
    /// The `Idempotency-Key` of the trigger, if it had one.
    public var idempotencyKey: String?
    /// When the call was placed (ISO 8601).
    public var createdAt: String

    /// Creates an entry.
    /// - Parameters:
    ///   - callID: The call's id.
    ///   - contactNumber: The number dialed.
    ///   - name: The contact's name.
    ///   - metadata: The request's metadata.
    ///   - idempotencyKey: The idempotency key, if any.
    ///   - createdAt: ISO 8601 creation time.
    public init(
        callID: String, contactNumber: String, name: String, metadata: OpenAPIObjectContainer, idempotencyKey: String?,
        createdAt: String
    ) {
        self.callID = callID
        self.contactNumber = contactNumber
        self.name = name
        self.metadata = metadata
        self.idempotencyKey = idempotencyKey
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case callID = "call_id"
        case contactNumber = "contact_number"
        case name
        case metadata
        case idempotencyKey = "idempotency_key"
        case createdAt = "created_at"
    }
}
