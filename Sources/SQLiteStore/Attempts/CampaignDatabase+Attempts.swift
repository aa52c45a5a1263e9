public import CampaignStore
import Foundation
import GRDB

extension CampaignDatabase {
    /// Inserts a new attempt row, or updates the outcome columns of the row with the same id. Never
    /// replaces another attempt: a second attempt with the same contact and number is refused.
    public func saveAttempt(_ attempt: Attempt) throws {
        try writer.write { db in try Self.saveAttempt(attempt, db) }
    }

    /// The body of ``saveAttempt(_:)``, for callers that already hold a transaction.
    static func saveAttempt(_ attempt: Attempt, _ db: Database) throws {
        let placeholders = Array(repeating: "?", count: 17).joined(separator: ", ")
        try db.execute(
            sql: """
                INSERT INTO attempts (\(Attempt.columnList)) VALUES (\(placeholders))
                ON CONFLICT (id) DO UPDATE SET
                    request_sent_at = excluded.request_sent_at, call_id = excluded.call_id,
                    outcome = excluded.outcome, call_status = excluded.call_status,
                    duration_ms = excluded.duration_ms, summary = excluded.summary,
                    disposition = excluded.disposition, entity = excluded.entity, cost = excluded.cost,
                    transcript = excluded.transcript, error = excluded.error, ended_at = excluded.ended_at
                """,
            arguments: attempt.databaseArguments
        )
    }

    /// Every attempt of a contact, first to last.
    public func attempts(ofContact contactID: Int64) throws -> [Attempt] {
        try writer.read { db in
            try Attempt.fetchAll(
                db,
                sql: "SELECT * FROM attempts WHERE contact_id = ? ORDER BY number",
                arguments: [contactID]
            )
        }
    }

    /// Attempts of a campaign that have not reached their end, oldest first: what a runner must
    /// reconcile before it dials anything new.
    public func unfinishedAttempts(ofCampaign campaignID: Int64) throws -> [Attempt] {
        try writer.read { db in
            try Attempt.fetchAll(
                db,
                sql: "SELECT * FROM attempts WHERE campaign_id = ? AND ended_at IS NULL ORDER BY started_at",
                arguments: [campaignID]
            )
        }
    }
}
