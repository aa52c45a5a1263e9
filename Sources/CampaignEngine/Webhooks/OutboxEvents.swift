public import CampaignStore
public import Foundation
import Webhooks

/// The webhook events to write with the engine's changes, built without I/O: the journal stores them
/// in the same transaction as the change they report (``JournalEntry/events``,
/// ``DispatchJournal/compareAndSetCampaignState(expected:new:event:)``).
///
/// ```swift
/// let events = OutboxEvents.attemptEnded(
///     report, outcome: "completed", attempt: 1, contact: contact, newStatus: .completed,
///     campaignID: campaignID, campaignName: name, namespace: namespace, at: endedAt
/// )
/// try await journal.apply([JournalEntry(contactID: contact.id, status: .completed, attempts: 1, events: events)])
/// ```
public enum OutboxEvents {
    /// The events of an attempt's end: a `call.ended` when a call was placed, then a
    /// `contact.finalized` when the contact will not be dialed again.
    ///
    /// An attempt that placed no call gets no `call.ended` (its number is used again by the next
    /// attempt); a contact that ends without a call (invalid, do-not-call, suppressed) gets its
    /// `contact.finalized` alone, with the attempts it had.
    ///
    /// - Parameters:
    ///   - report: The ended call as the API reported it; `nil` when no call was placed.
    ///   - outcome: How the attempt ended: a call outcome (`completed`, `no_answer`, `busy`, `failed`,
    ///     `voicemail`) or why no call was placed (`invalid`, `dnd`).
    ///   - error: Why the attempt failed, in words, when it did.
    ///   - attempt: The attempt's number, from 1.
    ///   - contact: The contact as it was due.
    ///   - newStatus: The contact's status after the attempt.
    ///   - campaignID: The campaign's row id.
    ///   - campaignName: The campaign's name.
    ///   - namespace: The campaign's attempt namespace (``DispatchJournal/attemptNamespace()``).
    ///   - time: When the attempt ended.
    /// - Returns: The events to attach to the attempt's ``JournalEntry``, in order.
    public static func attemptEnded(
        _ report: CallReport?,
        outcome: String,
        error: String? = nil,
        attempt: Int,
        contact: DueContact,
        newStatus: ContactStatus,
        campaignID: Int64,
        campaignName: String,
        namespace: String,
        at time: Date
    ) -> [OutboxEvent] {
        let campaign = WebhookCampaign(id: campaignID, name: campaignName)
        let person = WebhookContact(
            id: contact.id, name: contact.name, number: contact.phoneNumber, variables: contact.variables)
        var events: [OutboxEvent] = []
        if let report {
            let entities = report.entityJSON.flatMap { try? WebhookJSON(parsing: $0) }
            let data = CallEndedData(
                campaign: campaign,
                contact: person,
                attempt: attempt,
                callID: report.callID,
                outcome: outcome,
                durationSeconds: report.durationMilliseconds.map { Double($0) / 1000 },
                summary: report.summary,
                disposition: report.disposition,
                entities: entities,
                cost: report.cost,
                error: error
            )
            events.append(outboxEvent(.callEnded(data, namespace: namespace, at: time), contactID: contact.id))
        }
        if newStatus.isFinal {
            let attempts = report == nil ? contact.attempts : max(attempt, contact.attempts)
            let data = ContactFinalizedData(
                campaign: campaign, contact: person, state: newStatus.rawValue, attempts: attempts, reason: error)
            events.append(outboxEvent(.contactFinalized(data, namespace: namespace, at: time), contactID: contact.id))
        }
        return events
    }

    /// An event as the outbox stores it.
    static func outboxEvent(_ event: WebhookEvent, contactID: Int64? = nil) -> OutboxEvent {
        let message = event.message
        return OutboxEvent(
            id: message.id, type: message.type, contactID: contactID, occurredAt: event.timestamp, body: message.body)
    }
}
