public import Foundation
public import GRDB

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

extension Attempt: FetchableRecord, TableRecord {
    /// The table name, `attempts`.
    public static let databaseTableName = "attempts"

    /// Decodes an `attempts` row.
    public init(row: Row) throws {
        let idText: String = row["id"]
        guard let id = UUID(uuidString: idText) else {
            throw CampaignStoreError.invalidRecord(table: "attempts", column: "id", value: idText)
        }
        self.id = id
        contactID = row["contact_id"]
        campaignID = row["campaign_id"]
        number = row["number"]
        startedAt = Date(epochMilliseconds: row["started_at"])
        requestSentAt = (row["request_sent_at"] as Int64?).map(Date.init(epochMilliseconds:))
        callID = row["call_id"]
        outcome = row["outcome"]
        callStatus = row["call_status"]
        durationMilliseconds = row["duration_ms"]
        summary = row["summary"]
        disposition = row["disposition"]
        entityJSON = row["entity"]
        cost = row["cost"]
        transcript = row["transcript"]
        error = row["error"]
        endedAt = (row["ended_at"] as Int64?).map(Date.init(epochMilliseconds:))
    }
}

extension Attempt {
    /// The statement arguments of every column, in the order of ``columnList``.
    var databaseArguments: StatementArguments {
        [
            id.uuidString.lowercased(), contactID, campaignID, number, startedAt.epochMilliseconds,
            requestSentAt?.epochMilliseconds, callID, outcome, callStatus, durationMilliseconds, summary,
            disposition, entityJSON, cost, transcript, error, endedAt?.epochMilliseconds,
        ]
    }

    /// Every column of `attempts`, in the order of ``databaseArguments``.
    static let columnList = """
        id, contact_id, campaign_id, number, started_at, request_sent_at, call_id, outcome, call_status, \
        duration_ms, summary, disposition, entity, cost, transcript, error, ended_at
        """
}
