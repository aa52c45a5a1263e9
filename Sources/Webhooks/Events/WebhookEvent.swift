public import Foundation

/// One event for the user's systems: `{"type", "timestamp", "data"}`, with an id that is derived from
/// what the event is about, so the same event always has the same id.
///
/// - A `call.ended` event is identified by its contact and attempt number, a `contact.finalized` event
///   by its contact, attempt count and final state, the `campaign.*` and `webhook.test` events by their
///   time; all of them within the campaign's namespace (the text that identifies the campaign for good,
///   as its attempt ids use).
/// - The events about one contact carry a sequence number, `2 × attempt − 1` for `call.ended` and
///   `2 × attempts` for `contact.finalized`, so a receiver can ignore an older state that arrives late.
/// - The body is encoded with sorted keys and the time to the millisecond, so the same event encodes
///   to the same bytes every time. Store ``message`` with the state change it reports and redeliver
///   those bytes.
///
/// ```swift
/// let event = WebhookEvent.callEnded(
///     CallEndedData(campaign: campaign, contact: contact, attempt: 2, callID: "c_81f", outcome: "completed"),
///     namespace: namespace,
///     at: endedAt
/// )
/// outbox.insert(event.message)  // in the transaction that records the call's end
/// ```
public struct WebhookEvent: Sendable, Hashable {
    /// The event's id (`evt_` and 32 hexadecimal digits), sent as `webhook-id`.
    public let id: String
    /// The event's type.
    public let type: WebhookEventType
    /// When the event happened, to the millisecond.
    public let timestamp: Date
    /// What the event is about.
    public let data: WebhookEventData
    /// ``timestamp`` in milliseconds since 1970, as the body writes it.
    let milliseconds: Int64

    init(id: String, type: WebhookEventType, milliseconds: Int64, data: WebhookEventData) {
        self.id = id
        self.type = type
        self.milliseconds = milliseconds
        self.timestamp = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        self.data = data
    }

    /// A `call.ended` event.
    /// - Parameters:
    ///   - data: The attempt as it ended.
    ///   - namespace: What identifies the campaign for good (the campaign's attempt namespace).
    ///   - time: When the attempt ended.
    public static func callEnded(_ data: CallEndedData, namespace: String, at time: Date) -> WebhookEvent {
        make(.callEnded, .callEnded(data), namespace: namespace, time: time) { _ in
            "contact \(data.contact.id) attempt \(data.attempt)"
        }
    }

    /// A `contact.finalized` event.
    /// - Parameters:
    ///   - data: The contact in its final state.
    ///   - namespace: What identifies the campaign for good.
    ///   - time: When the contact became final.
    public static func contactFinalized(_ data: ContactFinalizedData, namespace: String, at time: Date) -> WebhookEvent
    {
        make(.contactFinalized, .contactFinalized(data), namespace: namespace, time: time) { _ in
            "contact \(data.contact.id) attempts \(data.attempts) state \(data.state)"
        }
    }

    /// A `campaign.started`, `campaign.paused`, `campaign.resumed`, `campaign.completed` or
    /// `campaign.cancelled` event.
    /// - Parameters:
    ///   - change: What happened to the campaign.
    ///   - campaign: The campaign.
    ///   - namespace: What identifies the campaign for good.
    ///   - time: When it happened, as stored with the change; it identifies the event.
    public static func campaign(
        _ change: CampaignChange,
        campaign: WebhookCampaign,
        namespace: String,
        at time: Date
    ) -> WebhookEvent {
        var data = CampaignEventData(campaign: campaign)
        if case .paused(let reason) = change { data.reason = reason }
        return make(change.eventType, .campaign(data), namespace: namespace, time: time) { milliseconds in
            "at \(milliseconds)"
        }
    }

    /// A `webhook.test` event.
    /// - Parameters:
    ///   - data: The campaign and a sentence.
    ///   - namespace: What identifies the campaign for good.
    ///   - time: When the test was asked for; it identifies the event.
    public static func test(_ data: TestEventData, namespace: String, at time: Date) -> WebhookEvent {
        make(.test, .test(data), namespace: namespace, time: time) { milliseconds in "at \(milliseconds)" }
    }

    private static func make(
        _ type: WebhookEventType,
        _ data: WebhookEventData,
        namespace: String,
        time: Date,
        subject: (Int64) -> String
    ) -> WebhookEvent {
        let milliseconds = CivilTime.epochMilliseconds(time)
        let id = deriveID(namespace: namespace, type: type.rawValue, subject: subject(milliseconds))
        return WebhookEvent(id: id, type: type, milliseconds: milliseconds, data: data)
    }

    /// The event ready to send and to store: its id, type and body.
    public var message: WebhookMessage {
        WebhookMessage(id: id, type: type.rawValue, body: encodedBody())
    }
}
