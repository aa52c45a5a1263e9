/// The kinds of event a campaign sends, named as they appear in the `type` field.
public enum WebhookEventType: String, Sendable, Hashable, CaseIterable, Codable {
    /// An attempt ended: the call's outcome, summary and extracted data, or why no call was placed.
    case callEnded = "call.ended"
    /// A contact reached its final state and will not be called again.
    case contactFinalized = "contact.finalized"
    /// A campaign began dialing for the first time.
    case campaignStarted = "campaign.started"
    /// A campaign stopped until someone resumes it, with the reason.
    case campaignPaused = "campaign.paused"
    /// A paused campaign dials again.
    case campaignResumed = "campaign.resumed"
    /// Every contact of a campaign is final.
    case campaignCompleted = "campaign.completed"
    /// A campaign was stopped for good.
    case campaignCancelled = "campaign.cancelled"
    /// A test delivery sent on request, to check an endpoint and its secret.
    case test = "webhook.test"

    /// Whether the event is about one contact, and so carries that contact's sequence number.
    public var isAboutContact: Bool {
        self == .callEnded || self == .contactFinalized
    }
}
