public import Foundation

/// What a pre-dial check asks the user's server about: one contact, just before one attempt.
///
/// Sent like an event, signed the same way: `{"type": "contact.predial", "timestamp", "data":
/// {"campaign", "contact", "attempt"}}`, with an id derived from the campaign, the contact and the
/// attempt, so the server can tell a repeated question from a new one.
public struct PredialRequest: Sendable, Hashable {
    /// The `type` of the request's body.
    public static let type = "contact.predial"

    /// The campaign.
    public var campaign: WebhookCampaign
    /// The contact about to be called, with its template variables.
    public var contact: WebhookContact
    /// The number of the attempt about to be made, from 1.
    public var attempt: Int
    /// What identifies the campaign for good (its attempt namespace), for the request's id.
    public var namespace: String

    /// Creates a pre-dial question.
    /// - Parameters:
    ///   - campaign: The campaign.
    ///   - contact: The contact.
    ///   - attempt: The attempt about to be made.
    ///   - namespace: What identifies the campaign for good.
    public init(campaign: WebhookCampaign, contact: WebhookContact, attempt: Int, namespace: String) {
        self.campaign = campaign
        self.contact = contact
        self.attempt = attempt
        self.namespace = namespace
    }

    /// The request as a message to sign and send, stamped with `time`.
    /// - Parameter time: When the question is asked.
    public func message(at time: Date) -> WebhookMessage {
        let envelope = Envelope(
            type: Self.type,
            timestamp: CivilTime.iso8601(milliseconds: CivilTime.epochMilliseconds(time)),
            data: Payload(campaign: campaign, contact: contact, attempt: attempt)
        )
        let body: [UInt8]
        do {
            body = Array(try WebhookEvent.encoder().encode(envelope))
        } catch {
            // The payload holds strings and integers only.
            preconditionFailure("a pre-dial request failed to encode: \(error)")
        }
        let id = WebhookEvent.deriveID(
            namespace: namespace,
            type: Self.type,
            subject: "contact \(contact.id) attempt \(attempt)"
        )
        return WebhookMessage(id: id, type: Self.type, body: body)
    }

    private struct Envelope: Encodable {
        var type: String
        var timestamp: String
        var data: Payload
    }

    private struct Payload: Encodable {
        var campaign: WebhookCampaign
        var contact: WebhookContact
        var attempt: Int
    }
}
