public import Foundation

/// What the API says about one call, from the history or the details endpoint.
public struct CallReport: Sendable, Hashable {
    /// The API's call id.
    public var callID: String
    /// The raw `call_status`, e.g. `ringing` or `no_answer`.
    public var callStatus: String
    /// The number called, when the API says.
    public var contactNumber: String?
    /// The `attempt_id` found in the call's metadata, when present.
    public var attemptID: String?
    /// When the call was created.
    public var createdAt: Date?
    /// The call's duration in milliseconds.
    public var durationMilliseconds: Int?
    /// The API's summary.
    public var summary: String?
    /// The `call_eval_tag`.
    public var disposition: String?
    /// The `entity` value as JSON text.
    public var entityJSON: String?
    /// What the call cost.
    public var cost: Double?
    /// The transcript as text.
    public var transcript: String?

    /// Creates a report.
    public init(
        callID: String,
        callStatus: String,
        contactNumber: String? = nil,
        attemptID: String? = nil,
        createdAt: Date? = nil,
        durationMilliseconds: Int? = nil,
        summary: String? = nil,
        disposition: String? = nil,
        entityJSON: String? = nil,
        cost: Double? = nil,
        transcript: String? = nil
    ) {
        self.callID = callID
        self.callStatus = callStatus
        self.contactNumber = contactNumber
        self.attemptID = attemptID
        self.createdAt = createdAt
        self.durationMilliseconds = durationMilliseconds
        self.summary = summary
        self.disposition = disposition
        self.entityJSON = entityJSON
        self.cost = cost
        self.transcript = transcript
    }
}
