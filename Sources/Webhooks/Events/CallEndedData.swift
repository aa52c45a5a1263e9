/// The `data` of a `call.ended` event: one attempt of one contact, as it ended.
public struct CallEndedData: Sendable, Hashable, Codable {
    /// The campaign.
    public var campaign: WebhookCampaign
    /// The contact called, with its template variables.
    public var contact: WebhookContact
    /// The attempt's number: 1 for the first call of the contact, 2 for the first redial, …
    public var attempt: Int
    /// The API's call id, when a call was placed.
    public var callID: String?
    /// How the attempt ended: a call outcome (`completed`, `no_answer`, `busy`, `failed`, `voicemail`)
    /// or why no call was placed (`invalid`, `dnd`, …).
    public var outcome: String
    /// How long the call lasted, in seconds.
    public var durationSeconds: Double?
    /// The API's summary of the call.
    public var summary: String?
    /// The API's disposition of the call (its `call_eval_tag`).
    public var disposition: String?
    /// What the agent extracted from the call (the API's `entity` object).
    public var entities: WebhookJSON?
    /// What the call cost.
    public var cost: Double?
    /// Why the attempt failed, in words, when it did.
    public var error: String?

    /// Creates the data of a `call.ended` event. Numbers that are not finite are left out.
    /// - Parameters:
    ///   - campaign: The campaign.
    ///   - contact: The contact.
    ///   - attempt: The attempt's number, from 1.
    ///   - callID: The API's call id.
    ///   - outcome: How the attempt ended.
    ///   - durationSeconds: The call's duration.
    ///   - summary: The call's summary.
    ///   - disposition: The call's disposition.
    ///   - entities: The extracted entities.
    ///   - cost: The call's cost.
    ///   - error: Why the attempt failed.
    public init(
        campaign: WebhookCampaign,
        contact: WebhookContact,
        attempt: Int,
        callID: String? = nil,
        outcome: String,
        durationSeconds: Double? = nil,
        summary: String? = nil,
        disposition: String? = nil,
        entities: WebhookJSON? = nil,
        cost: Double? = nil,
        error: String? = nil
    ) {
        self.campaign = campaign
        self.contact = contact
        self.attempt = attempt
        self.callID = callID
        self.outcome = outcome
        self.durationSeconds = durationSeconds.flatMap { $0.isFinite ? $0 : nil }
        self.summary = summary
        self.disposition = disposition
        self.entities = entities
        self.cost = cost.flatMap { $0.isFinite ? $0 : nil }
        self.error = error
    }

    /// The contact's sequence number for this event: `2 × attempt − 1`, so that a contact's events
    /// count up in the order they happen (its `contact.finalized` comes after its last `call.ended`).
    public var sequence: Int { 2 * attempt - 1 }

    private enum CodingKeys: String, CodingKey {
        case campaign, contact, attempt, sequence, outcome, summary, disposition, entities, cost, error
        case callID = "call_id"
        case durationSeconds = "duration_seconds"
    }

    /// Decodes the data; `sequence` is derived from the attempt, not read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            campaign: try container.decode(WebhookCampaign.self, forKey: .campaign),
            contact: try container.decode(WebhookContact.self, forKey: .contact),
            attempt: try container.decode(Int.self, forKey: .attempt),
            callID: try container.decodeIfPresent(String.self, forKey: .callID),
            outcome: try container.decode(String.self, forKey: .outcome),
            durationSeconds: try container.decodeIfPresent(Double.self, forKey: .durationSeconds),
            summary: try container.decodeIfPresent(String.self, forKey: .summary),
            disposition: try container.decodeIfPresent(String.self, forKey: .disposition),
            entities: try container.decodeIfPresent(WebhookJSON.self, forKey: .entities),
            cost: try container.decodeIfPresent(Double.self, forKey: .cost),
            error: try container.decodeIfPresent(String.self, forKey: .error)
        )
    }

    /// Encodes the data with its `sequence`; absent values are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(campaign, forKey: .campaign)
        try container.encode(contact, forKey: .contact)
        try container.encode(attempt, forKey: .attempt)
        try container.encode(sequence, forKey: .sequence)
        try container.encodeIfPresent(callID, forKey: .callID)
        try container.encode(outcome, forKey: .outcome)
        try container.encodeIfPresent(durationSeconds.flatMap { $0.isFinite ? $0 : nil }, forKey: .durationSeconds)
        try container.encodeIfPresent(summary, forKey: .summary)
        try container.encodeIfPresent(disposition, forKey: .disposition)
        try container.encodeIfPresent(entities, forKey: .entities)
        try container.encodeIfPresent(cost.flatMap { $0.isFinite ? $0 : nil }, forKey: .cost)
        try container.encodeIfPresent(error, forKey: .error)
    }
}
