import CampaignStore
import Foundation
import GRDB

/// The reports' queries over one SQLite read snapshot. Rows stream through GRDB cursors.
struct SQLiteReportSnapshot: ReportSnapshot {
    /// The snapshot (or connection) every query reads.
    let reader: any DatabaseReader

    func campaign(named name: String) throws -> Campaign? {
        try reader.read { db in try CampaignDatabase.campaign(named: name, in: db) }
    }

    func campaignProgress() throws -> [CampaignProgress] {
        let finalStates = ContactStatus.allCases.filter(\.isFinal).map { "'\($0.rawValue)'" }.joined(separator: ",")
        return try reader.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT campaigns.*,
                        (SELECT COUNT(*) FROM contacts WHERE campaign_id = campaigns.id) AS contact_count,
                        (SELECT COUNT(*) FROM contacts WHERE campaign_id = campaigns.id
                            AND status IN (\(finalStates))) AS finished_count
                    FROM campaigns ORDER BY created_at, id
                    """
            )
            return try rows.map { row in
                CampaignProgress(
                    campaign: try Campaign(row: row),
                    contacts: row["contact_count"],
                    finishedContacts: row["finished_count"]
                )
            }
        }
    }

    func totals(ofCampaign id: Int64) throws -> CampaignTotals {
        try reader.read { db in
            var totals = CampaignTotals(contactsByStatus: try CampaignDatabase.contactCounts(ofCampaign: id, in: db))
            if let reach = try Row.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(EXISTS (SELECT 1 FROM attempts a WHERE a.contact_id = c.id AND a.call_id IS NOT NULL)), 0),
                           COALESCE(SUM(EXISTS (SELECT 1 FROM attempts a WHERE a.contact_id = c.id
                                        AND COALESCE(a.outcome, a.call_status) = 'completed')), 0)
                    FROM contacts c WHERE c.campaign_id = ?
                    """,
                arguments: [id]
            ) {
                totals.dialedContacts = reach[0]
                totals.answeredContacts = reach[1]
            }
            let outcomes = try Row.fetchAll(
                db,
                sql: """
                    SELECT CASE
                               WHEN outcome IS NOT NULL AND outcome <> 'accepted' THEN outcome
                               WHEN ended_at IS NULL THEN 'in_progress'
                               WHEN call_id IS NULL THEN 'not_placed'
                               ELSE COALESCE(call_status, 'unknown')
                           END,
                           COUNT(*), COUNT(call_id), COALESCE(SUM(duration_ms), 0), COALESCE(SUM(cost), 0.0)
                    FROM attempts WHERE campaign_id = ? GROUP BY 1
                    """,
                arguments: [id]
            )
            for row in outcomes {
                totals.outcomes[row[0]] = CampaignTotals.OutcomeTotal(
                    attempts: row[1],
                    callsPlaced: row[2],
                    talkMilliseconds: row[3],
                    cost: row[4]
                )
            }
            totals.nextRedialAt = try Int64.fetchOne(
                db,
                sql: "SELECT MIN(next_attempt_at) FROM contacts WHERE campaign_id = ? AND status = 'retry_wait'",
                arguments: [id]
            ).map(Date.init(epochMilliseconds:))
            return totals
        }
    }

    func distributions(ofCampaign id: Int64, durationBoundsSeconds: [Int]) throws -> CampaignDistributions {
        try reader.read { db in
            var contactsByAttempts = [Int](repeating: 0, count: 6)
            for row in try Row.fetchAll(
                db,
                sql: "SELECT MIN(attempts, 5), COUNT(*) FROM contacts WHERE campaign_id = ? GROUP BY 1",
                arguments: [id]
            ) {
                let slot: Int = row[0]
                contactsByAttempts[max(0, min(slot, 5))] += row[1] as Int
            }
            var answeredByDuration = [Int](repeating: 0, count: durationBoundsSeconds.count + 1)
            let bucketCase = durationBoundsSeconds.enumerated()
                .map { index, bound in "WHEN duration_ms < \(bound * 1000) THEN \(index)" }
                .joined(separator: " ")
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT CASE \(bucketCase) ELSE \(durationBoundsSeconds.count) END, COUNT(*)
                    FROM attempts
                    WHERE campaign_id = ? AND COALESCE(outcome, call_status) = 'completed' AND duration_ms IS NOT NULL
                    GROUP BY 1
                    """,
                arguments: [id]
            ) {
                let bucket: Int = row[0]
                answeredByDuration[max(0, min(bucket, durationBoundsSeconds.count))] += row[1] as Int
            }
            // Grouped by zone and quarter hour in SQL (every zone's offset is a whole number of quarter
            // hours); the reports turn each group's start into the zone's local hour.
            let quarterHour: Int64 = 15 * 60 * 1000
            var calls: [CampaignDistributions.QuarterHourCalls] = []
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.timezone, a.started_at / ?, COUNT(*),
                           SUM(COALESCE(a.outcome, a.call_status) = 'completed')
                    FROM attempts a JOIN contacts c ON c.id = a.contact_id
                    WHERE a.campaign_id = ? AND a.call_id IS NOT NULL
                    GROUP BY 1, 2
                    """,
                arguments: [quarterHour, id]
            )
            while let row = try cursor.next() {
                calls.append(.init(timeZone: row[0], quarterHour: row[1], placed: row[2], answered: row[3]))
            }
            var first: Int64?
            var last: Int64?
            if let span = try Row.fetchOne(
                db,
                sql: "SELECT MIN(started_at), MAX(COALESCE(ended_at, started_at)) FROM attempts WHERE campaign_id = ?",
                arguments: [id]
            ) {
                first = span[0]
                last = span[1]
            }
            return CampaignDistributions(
                contactsByAttempts: contactsByAttempts,
                answeredByDurationBucket: answeredByDuration,
                callsByQuarterHour: calls,
                firstAttemptAt: first.map(Date.init(epochMilliseconds:)),
                lastAttemptAt: last.map(Date.init(epochMilliseconds:))
            )
        }
    }

    func forEachContactVariables(ofCampaign id: Int64, _ body: (String) throws -> Void) throws {
        try reader.read { db in
            // `+campaign_id` keeps SQLite on the rowid order instead of an index plus a sort.
            let cursor = try String.fetchCursor(
                db,
                sql: "SELECT variables FROM contacts WHERE +campaign_id = ? ORDER BY id",
                arguments: [id]
            )
            while let json = try cursor.next() { try body(json) }
        }
    }

    func forEachContact(ofCampaign id: Int64, limit: Int?, _ body: (ContactReportRow) throws -> Void) throws {
        try reader.read { db in
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.id, c."row_number", c.name, c.phone_e164, c.status, c.attempts,
                           a.call_id, a.call_status, a.duration_ms, a.disposition, a.summary,
                           COALESCE(c.last_error, a.error), c.variables
                    FROM contacts c
                    LEFT JOIN attempts a ON a.contact_id = c.id
                        AND a.number = (SELECT MAX(number) FROM attempts WHERE contact_id = c.id)
                    WHERE +c.campaign_id = ?
                    ORDER BY c.id
                    LIMIT ?
                    """,
                arguments: [id, limit ?? -1]
            )
            while let row = try cursor.next() {
                try body(
                    ContactReportRow(
                        contactID: row[0],
                        rowNumber: row[1],
                        name: row[2],
                        phoneE164: row[3],
                        statusText: row[4],
                        attempts: row[5],
                        callID: row[6],
                        callStatus: row[7],
                        durationMilliseconds: row[8],
                        disposition: row[9],
                        summary: row[10],
                        error: row[11],
                        variablesJSON: row[12]
                    )
                )
            }
        }
    }

    func forEachAttempt(ofCampaign id: Int64, _ body: (AttemptReportRow) throws -> Void) throws {
        try reader.read { db in
            // `json(...)` re-serializes stored JSON compactly, so a pretty-printed value cannot break a line.
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.id, c."row_number", c.name, c.phone_e164, c.status, c.region, c.timezone, c.attempts,
                           c.last_error, json(c.variables),
                           a.number, a.id, a.started_at, a.request_sent_at, a.ended_at, a.call_id, a.outcome,
                           a.call_status, a.duration_ms, a.summary, a.disposition, json(a.entity), a.cost,
                           a.transcript, a.error
                    FROM contacts c
                    LEFT JOIN attempts a ON a.contact_id = c.id
                    WHERE +c.campaign_id = ?
                    ORDER BY c.id, a.number
                    """,
                arguments: [id]
            )
            while let row = try cursor.next() {
                var line = AttemptReportRow(contactID: row[0], statusText: row[4])
                line.rowNumber = row[1]
                line.name = row[2]
                line.phoneE164 = row[3]
                line.region = row[5]
                line.timeZone = row[6]
                line.attempts = row[7]
                line.lastError = row[8]
                line.variablesJSON = row[9]
                line.attemptNumber = row[10]
                line.attemptID = row[11]
                line.startedAt = row[12]
                line.requestSentAt = row[13]
                line.endedAt = row[14]
                line.callID = row[15]
                line.outcome = row[16]
                line.callStatus = row[17]
                line.durationMilliseconds = row[18]
                line.summary = row[19]
                line.disposition = row[20]
                line.entityJSON = row[21]
                line.cost = row[22]
                line.transcript = row[23]
                line.error = row[24]
                try body(line)
            }
        }
    }
}
