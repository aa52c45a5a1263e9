public import CampaignStore
public import Foundation

/// A contact with every attempt, as the contact's page and `GET …/contacts/{id}` show it.
public struct ContactDetail: Sendable, Hashable, Codable {
    /// The contact.
    public struct ContactFields: Sendable, Hashable, Codable {
        /// Its id.
        public var id: Int64
        /// Its line in the imported CSV.
        public var rowNumber: Int
        /// Its name.
        public var name: String
        /// Its E.164 number.
        public var phone: String
        /// Its stored status.
        public var status: String
        /// Attempts used.
        public var attempts: Int
        /// Its region.
        public var region: String?
        /// Its IANA time zone.
        public var timeZone: String?
        /// When it is next due.
        public var nextAttemptAt: Date?
        /// Its last error.
        public var lastError: String?
        /// Its template variables as JSON object text.
        public var variables: String

        enum CodingKeys: String, CodingKey {
            case id
            case rowNumber = "row_number"
            case name, phone, status, attempts, region
            case timeZone = "time_zone"
            case nextAttemptAt = "next_attempt_at"
            case lastError = "last_error"
            case variables
        }
    }

    /// One attempt.
    public struct AttemptFields: Sendable, Hashable, Codable {
        /// The attempt's number, 1 for the first call.
        public var number: Int
        /// Its id, the request's idempotency key.
        public var id: String
        /// When it started.
        public var startedAt: Date
        /// When it ended.
        public var endedAt: Date?
        /// The API's call id.
        public var callID: String?
        /// The engine's outcome word.
        public var outcome: String?
        /// The call's last known status.
        public var callStatus: String?
        /// The call's duration in seconds.
        public var durationSeconds: Double?
        /// The API's summary.
        public var summary: String?
        /// The API's disposition.
        public var disposition: String?
        /// The API's entities as JSON text.
        public var entities: String?
        /// What the call cost.
        public var cost: Double?
        /// The transcript.
        public var transcript: String?
        /// Why it failed.
        public var error: String?

        enum CodingKeys: String, CodingKey {
            case number, id
            case startedAt = "started_at"
            case endedAt = "ended_at"
            case callID = "call_id"
            case outcome
            case callStatus = "call_status"
            case durationSeconds = "duration_seconds"
            case summary, disposition, entities, cost, transcript, error
        }
    }

    /// The contact.
    public var contact: ContactFields
    /// Its attempts, oldest first.
    public var attempts: [AttemptFields]

    /// Builds the detail from the store's values.
    public init(contact: Contact, attempts: [Attempt]) {
        self.contact = ContactFields(
            id: contact.id, rowNumber: contact.rowNumber, name: contact.name, phone: contact.phoneE164,
            status: contact.status.rawValue, attempts: contact.attempts, region: contact.region,
            timeZone: contact.timeZone, nextAttemptAt: contact.nextAttemptAt, lastError: contact.lastError,
            variables: contact.variables.json)
        self.attempts = attempts.map { attempt in
            AttemptFields(
                number: attempt.number, id: attempt.id.uuidString.lowercased(), startedAt: attempt.startedAt,
                endedAt: attempt.endedAt, callID: attempt.callID, outcome: attempt.outcome,
                callStatus: attempt.callStatus, durationSeconds: attempt.durationMilliseconds.map { Double($0) / 1000 },
                summary: attempt.summary, disposition: attempt.disposition, entities: attempt.entityJSON,
                cost: attempt.cost, transcript: attempt.transcript, error: attempt.error)
        }
    }
}
