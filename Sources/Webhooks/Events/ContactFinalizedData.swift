/// The `data` of a `contact.finalized` event: a contact that will not be called again.
public struct ContactFinalizedData: Sendable, Hashable, Codable {
    /// The campaign.
    public var campaign: WebhookCampaign
    /// The contact, with its template variables.
    public var contact: WebhookContact
    /// The final state: `completed`, `no_answer`, `busy`, `failed`, `voicemail`, `invalid`, `dnd`,
    /// `suppressed`, `skipped` or `cancelled`.
    public var state: String
    /// How many attempts the contact used.
    public var attempts: Int
    /// Why the contact ended as it did, in words, when there is more to say than the state.
    public var reason: String?

    /// Creates the data of a `contact.finalized` event.
    /// - Parameters:
    ///   - campaign: The campaign.
    ///   - contact: The contact.
    ///   - state: The final state.
    ///   - attempts: The attempts used.
    ///   - reason: Why it ended so.
    public init(campaign: WebhookCampaign, contact: WebhookContact, state: String, attempts: Int, reason: String? = nil)
    {
        self.campaign = campaign
        self.contact = contact
        self.state = state
        self.attempts = attempts
        self.reason = reason
    }

    /// The contact's sequence number for this event: `2 × attempts`, one more than its last
    /// `call.ended` event's.
    public var sequence: Int { 2 * attempts }

    private enum CodingKeys: String, CodingKey {
        case campaign, contact, state, attempts, reason, sequence
    }

    /// Decodes the data; `sequence` is derived from the attempt count, not read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            campaign: try container.decode(WebhookCampaign.self, forKey: .campaign),
            contact: try container.decode(WebhookContact.self, forKey: .contact),
            state: try container.decode(String.self, forKey: .state),
            attempts: try container.decode(Int.self, forKey: .attempts),
            reason: try container.decodeIfPresent(String.self, forKey: .reason)
        )
    }

    /// Encodes the data with its `sequence`; an absent reason is left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(campaign, forKey: .campaign)
        try container.encode(contact, forKey: .contact)
        try container.encode(state, forKey: .state)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(sequence, forKey: .sequence)
        try container.encodeIfPresent(reason, forKey: .reason)
    }
}
