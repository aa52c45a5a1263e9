public import CampaignStore
public import Foundation
import GRDB
import JSONFormat

/// The engine's journal over the SQLite store: one campaign's contacts, attempts and status.
/// Every method is one transaction; ``apply(_:)`` writes a whole batch with cached prepared statements,
/// which is what lets the engine persist thousands of calls per second.
///
/// ```swift
/// let database = try CampaignDatabase.open(at: "vaani-dialer.sqlite")
/// let journal = SQLiteDispatchJournal(database: database, campaignID: campaign.id)
/// ```
public struct SQLiteDispatchJournal: DispatchJournal {
    /// The store.
    public let database: CampaignDatabase
    /// The campaign.
    public let campaignID: Int64

    /// Creates a journal of one campaign.
    /// - Parameters:
    ///   - database: The store.
    ///   - campaignID: The campaign's id.
    public init(database: CampaignDatabase, campaignID: Int64) {
        self.database = database
        self.campaignID = campaignID
    }

    private static let contactColumns = """
        c.id, c.name, c.phone_e164, c.timezone, c.variables, c.status, c.attempts, c.next_attempt_at
        """

    /// Contacts left `dialing` or `unknown`, with their open attempt.
    public func unfinishedAttempts() throws -> [OpenAttempt] {
        try openAttempts(statuses: "'dialing', 'unknown'")
    }

    /// Contacts left `in_call`, with their attempt and call id.
    public func callsInProgress() throws -> [OpenAttempt] {
        try openAttempts(statuses: "'in_call'")
    }

    private func openAttempts(statuses: String) throws -> [OpenAttempt] {
        try database.writer.write { db in
            // A contact in flight without its attempt row cannot come from the engine (both are written in
            // one transaction); should one exist, it goes back to the queue rather than stay stuck.
            try db.execute(
                sql: """
                    UPDATE contacts SET status = CASE WHEN attempts > 1 THEN 'retry_wait' ELSE 'pending' END,
                        attempts = max(attempts - 1, 0)
                    WHERE campaign_id = ? AND status IN (\(statuses)) AND NOT EXISTS (
                        SELECT 1 FROM attempts a WHERE a.contact_id = contacts.id AND a.number = contacts.attempts)
                    """,
                arguments: [campaignID]
            )
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.contactColumns), 0 AS suppressed, a.id AS attempt_id, a.started_at AS attempt_started,
                        a.call_id AS attempt_call
                    FROM contacts c JOIN attempts a ON a.contact_id = c.id AND a.number = c.attempts
                    WHERE c.campaign_id = ? AND c.status IN (\(statuses))
                    ORDER BY a.started_at
                    """,
                arguments: [campaignID]
            )
            return try rows.map { row in
                let idText: String = row["attempt_id"]
                guard let attemptID = UUID(uuidString: idText) else {
                    throw CampaignStoreError.invalidRecord(table: "attempts", column: "id", value: idText)
                }
                return OpenAttempt(
                    contact: try Self.contact(row),
                    attemptID: attemptID,
                    startedAt: Date(epochMilliseconds: row["attempt_started"]),
                    callID: row["attempt_call"]
                )
            }
        }
    }

    /// Due contacts in id order after `afterID`, with whether their number is suppressed now.
    public func dueContacts(now: Date, afterID: Int64, limit: Int) throws -> [DueContact] {
        try database.writer.read { db in
            // NOT INDEXED walks the table by id from the cursor: the status index would make SQLite sort
            // every pending contact of a million-contact campaign for each batch.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(Self.contactColumns),
                        EXISTS (SELECT 1 FROM suppression s WHERE s.phone_e164 = c.phone_e164) AS suppressed
                    FROM contacts AS c NOT INDEXED
                    WHERE c.id > ? AND c.campaign_id = ? AND c.status IN ('pending', 'retry_wait')
                        AND (c.next_attempt_at IS NULL OR c.next_attempt_at <= ?)
                    ORDER BY c.id LIMIT ?
                    """,
                arguments: [afterID, campaignID, now.epochMilliseconds, limit]
            )
            var contacts: [DueContact] = []
            while let row = try rows.next() { contacts.append(try Self.contact(row)) }
            return contacts
        }
    }

    /// The earliest due time of a waiting contact; a contact due at once gives the distant past.
    public func nextDueDate() throws -> Date? {
        try database.writer.read { db in
            var earliest: Date?
            for status in ["pending", "retry_wait"] {
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT next_attempt_at FROM contacts
                        WHERE campaign_id = ? AND status = ? ORDER BY next_attempt_at LIMIT 1
                        """,
                    arguments: [campaignID, status]
                )
                guard let row else { continue }
                let due = (row[0] as Int64?).map(Date.init(epochMilliseconds:)) ?? .distantPast
                earliest = min(earliest ?? due, due)
            }
            return earliest
        }
    }

    /// The campaign's id, creation time and name: a campaign deleted and created again under the same
    /// name gets new attempt ids.
    public func attemptNamespace() throws -> String {
        try database.writer.read { db in
            guard let namespace = try String.fetchOne(db, sql: "SELECT attempt_namespace FROM campaigns WHERE id = ?", arguments: [campaignID])
            else { throw CampaignStoreError.campaignNotFound(id: campaignID) }
            return namespace
        }
    }

    /// The earliest time after `date` at which a pending or waiting contact becomes due.
    public func nextDueDate(after date: Date) throws -> Date? {
        try database.writer.read { db in
            let earliest = try Int64.fetchOne(
                db,
                sql: """
                    SELECT MIN(next_attempt_at) FROM contacts
                    WHERE campaign_id = ? AND status IN ('pending', 'retry_wait') AND next_attempt_at > ?
                    """,
                arguments: [campaignID, date.epochMilliseconds]
            )
            return earliest.map(Date.init(epochMilliseconds:))
        }
    }

    /// Writes a batch in one transaction.
    public func apply(_ entries: [JournalEntry]) throws {
        guard !entries.isEmpty else { return }
        try database.writer.write { db in
            let updateContact = try db.cachedStatement(
                sql: "UPDATE contacts SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?"
            )
            for entry in entries {
                try updateContact.execute(arguments: [
                    entry.status.rawValue, entry.attempts, entry.nextAttemptAt.map(\.epochMilliseconds), entry.lastError,
                    entry.contactID,
                ])
                if let change = entry.attempt { try apply(change, contactID: entry.contactID, db) }
                if let suppress = entry.suppress {
                    try db.cachedStatement(
                        sql: """
                            INSERT INTO suppression (phone_e164, reason, source, added_at) VALUES (?, ?, 'dnd', ?)
                            ON CONFLICT (phone_e164) DO NOTHING
                            """
                    ).execute(arguments: [suppress.number, suppress.reason, Date().epochMilliseconds])
                }
                for event in entry.events {
                    try CampaignDatabase.insert(event, campaignID: campaignID, due: event.occurredAt, db)
                }
            }
        }
    }

    private func apply(_ change: JournalEntry.AttemptChange, contactID: Int64, _ db: Database) throws {
        switch change {
        case .start(let id, let number, let startedAt):
            // A row left with the same number by an attempt that placed nothing is replaced.
            try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO attempts (id, contact_id, campaign_id, number, started_at, request_sent_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                id.uuidString.lowercased(), contactID, campaignID, number, startedAt.epochMilliseconds,
                startedAt.epochMilliseconds,
            ])
        case .accepted(let id, let callID, _):
            try db.cachedStatement(
                sql: "UPDATE OR IGNORE attempts SET call_id = ?, outcome = 'accepted', error = NULL WHERE id = ?"
            ).execute(arguments: [callID, id.uuidString.lowercased()])
        case .ambiguous(let id, let error):
            try db.cachedStatement(sql: "UPDATE attempts SET outcome = 'ambiguous', error = ? WHERE id = ?")
                .execute(arguments: [error, id.uuidString.lowercased()])
        case .ended(let id, let outcome, let report, let error, let at):
            try db.cachedStatement(
                sql: """
                    UPDATE attempts SET outcome = ?, call_status = coalesce(?, call_status),
                        duration_ms = coalesce(?, duration_ms), summary = ?, disposition = ?, entity = ?, cost = ?,
                        transcript = ?, error = ?, ended_at = ?
                    WHERE id = ?
                    """
            ).execute(arguments: [
                outcome, report?.callStatus, report?.durationMilliseconds.map { max(0, $0) }, report?.summary,
                report?.disposition, report?.entityJSON.map(Self.validJSON), report?.cost, report?.transcript, error,
                at.epochMilliseconds, id.uuidString.lowercased(),
            ])
        case .discard(let id):
            try db.cachedStatement(sql: "DELETE FROM attempts WHERE id = ?").execute(arguments: [
                id.uuidString.lowercased()
            ])
        }
    }

    /// The campaign's stored status.
    public func campaignState() throws -> CampaignState {
        try database.writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT status, pause_reason FROM campaigns WHERE id = ?", arguments: [campaignID])
            else { throw CampaignStoreError.campaignNotFound(id: campaignID) }
            let statusText: String = row["status"]
            guard let status = CampaignStatus(rawValue: statusText) else {
                throw CampaignStoreError.invalidRecord(table: "campaigns", column: "status", value: statusText)
            }
            return CampaignState(status: status, pauseReason: row["pause_reason"])
        }
    }

    /// Stores the campaign's status.
    public func setCampaignState(_ state: CampaignState) throws {
        try database.setStatus(state.status, pauseReason: state.pauseReason, ofCampaign: campaignID)
    }

    /// Stores `new` only if the stored status is still `expected`, in one statement.
    public func compareAndSetCampaignState(expected: CampaignState, new: CampaignState) throws -> Bool {
        try database.compareAndSetState(ofCampaign: campaignID, expected: expected, new: new)
    }

    /// Stores `new` only if the stored status is still `expected`, and then `event`, in one transaction.
    public func compareAndSetCampaignState(expected: CampaignState, new: CampaignState, event: OutboxEvent) throws
        -> Bool
    {
        try database.writer.write { db in
            guard try CampaignDatabase.compareAndSetState(ofCampaign: campaignID, expected: expected, new: new, now: Date(), db)
            else { return false }
            try CampaignDatabase.insert(event, campaignID: campaignID, due: event.occurredAt, db)
            return true
        }
    }

    /// Marks every waiting contact `cancelled`.
    public func cancelWaitingContacts() throws -> Int {
        try database.writer.write { db in
            try db.execute(
                sql: """
                    UPDATE contacts SET status = 'cancelled', next_attempt_at = NULL
                    WHERE campaign_id = ? AND status IN ('pending', 'retry_wait')
                    """,
                arguments: [campaignID]
            )
            return db.changesCount
        }
    }

    /// Contacts per status.
    public func statusCounts() throws -> [ContactStatus: Int] {
        try database.contactCounts(ofCampaign: campaignID)
    }

    public func learnedRateLimit(keyFingerprint: String) throws -> Double? {
        try database.learnedRateLimit(keyFingerprint: keyFingerprint)?.requestsPerSecond
    }

    public func saveLearnedRateLimit(keyFingerprint: String, requestsPerSecond: Double, at date: Date) throws {
        try database.saveLearnedRateLimit(
            LearnedRateLimit(keyFingerprint: keyFingerprint, requestsPerSecond: requestsPerSecond, learnedAt: date)
        )
    }

    private static func contact(_ row: Row) throws -> DueContact {
        let statusText: String = row["status"]
        guard let status = ContactStatus(rawValue: statusText) else {
            throw CampaignStoreError.invalidRecord(table: "contacts", column: "status", value: statusText)
        }
        let variablesText: String = row["variables"]
        return DueContact(
            id: row["id"],
            name: row["name"],
            phoneNumber: row["phone_e164"],
            timeZone: row["timezone"],
            variables: ContactVariables(validJSON: variablesText).dictionary,
            status: status,
            attempts: row["attempts"],
            nextAttemptAt: (row["next_attempt_at"] as Int64?).map(Date.init(epochMilliseconds:)),
            isSuppressed: row["suppressed"]
        )
    }

    /// `text` if it is valid JSON, else `text` as a JSON string, so the `entity` CHECK always holds.
    private static func validJSON(_ text: String) -> String {
        if (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil { return text }
        return JSONString.literal(text)
    }
}
