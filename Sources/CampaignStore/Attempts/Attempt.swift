public import Foundation

/// One call attempt for one contact: committed before the trigger request (its id is sent as
/// `Idempotency-Key` and in the call's metadata), then completed with what the API reported.
/// A row of `attempts`.
public struct Attempt: Sendable, Hashable, Identifiable {
    /// The attempt id (a UUID), also the request's `Idempotency-Key`.
    public var id: UUID
    /// The contact called.
    public var contactID: Int64
    /// The contact's campaign.
    public var campaignID: Int64
    /// 1 for the first call of the contact, 2 for the first redial, …
    public var number: Int
    /// When the attempt was committed, before any request.
    public var startedAt: Date
    /// When the trigger request was handed to the network.
    public var requestSentAt: Date?
    /// The API's call id, once known.
    public var callID: String?
    /// The class of the API's answer to the trigger (for example `accepted`, `rate_limited`, `timeout`).
    public var outcome: String?
    /// The call's last known `call_status`.
    public var callStatus: String?
    /// The call's duration.
    public var durationMilliseconds: Int?
    /// The API's summary of the call.
    public var summary: String?
    /// The API's `call_eval_tag`.
    public var disposition: String?
    /// The API's `entity` object, as JSON text.
    public var entityJSON: String?
    /// What the call cost.
    public var cost: Double?
    /// The call's transcript as text.
    public var transcript: String?
    /// Why the attempt failed, in words.
    public var error: String?
    /// When the attempt reached its end.
    public var endedAt: Date?

    /// Creates an attempt that has just started.
    public init(id: UUID = UUID(), contactID: Int64, campaignID: Int64, number: Int, startedAt: Date) {
        self.id = id
        self.contactID = contactID
        self.campaignID = campaignID
        self.number = number
        self.startedAt = startedAt
    }
}
