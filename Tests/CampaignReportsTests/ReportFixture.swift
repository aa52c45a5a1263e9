@testable import SQLiteStore
import CampaignStore
import Foundation
import GRDB

/// A real SQLite file in a fresh temporary directory, filled with SQL the way the importer and the
/// engine fill it, and removed when the fixture goes away.
final class ReportFixture {
    let directory: URL
    let database: CampaignDatabase

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("campaign-reports-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try CampaignDatabase.open(at: directory.appendingPathComponent("test.sqlite").path)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    @discardableResult
    func addCampaign(
        name: String,
        agentID: String = "agent-1",
        status: String = "ready",
        pauseReason: String? = nil,
        settings: String = "{}",
        lease: (pid: Int32, host: String, expiresAt: Int64)? = nil,
        createdAt: Int64 = 1_780_000_000_000
    ) throws -> Int64 {
        try database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO campaigns (name, agent_id, settings, status, pause_reason, lease_owner_pid,
                        lease_owner_host, lease_expires_at, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    name, agentID, settings, status, pauseReason, lease?.pid, lease?.host, lease?.expiresAt, createdAt,
                    createdAt,
                ]
            )
            return db.lastInsertedRowID
        }
    }

    @discardableResult
    func addContact(
        campaign: Int64,
        row: Int,
        name: String,
        phone: String,
        status: String = "pending",
        attempts: Int = 0,
        timezone: String? = nil,
        variables: String = "{}",
        lastError: String? = nil,
        nextAttemptAt: Int64? = nil
    ) throws -> Int64 {
        try database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO contacts (campaign_id, "row_number", name, phone_e164, timezone, variables, status,
                        attempts, last_error, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [campaign, row, name, phone, timezone, variables, status, attempts, lastError, nextAttemptAt]
            )
            return db.lastInsertedRowID
        }
    }

    func addAttempt(
        contact: Int64,
        campaign: Int64,
        number: Int,
        startedAt: Int64,
        callID: String? = nil,
        outcome: String? = nil,
        callStatus: String? = nil,
        durationMilliseconds: Int64? = nil,
        summary: String? = nil,
        disposition: String? = nil,
        entity: String? = nil,
        cost: Double? = nil,
        transcript: String? = nil,
        error: String? = nil,
        endedAt: Int64? = nil
    ) throws {
        try database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO attempts (id, contact_id, campaign_id, number, started_at, request_sent_at, call_id,
                        outcome, call_status, duration_ms, summary, disposition, entity, cost, transcript, error, ended_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    UUID().uuidString.lowercased(), contact, campaign, number, startedAt, startedAt, callID, outcome,
                    callStatus, durationMilliseconds, summary, disposition, entity, cost, transcript, error, endedAt,
                ]
            )
        }
    }
}
