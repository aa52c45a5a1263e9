public import CampaignStore
public import Foundation
import GRDB

extension CampaignDatabase: WebhookOutbox {
    public func setWebhookEndpoints(_ urls: [String], eventTypes: [String]?, ofCampaign campaignID: Int64, now: Date)
        throws
    {
        let filter = eventTypes.map { $0.joined(separator: ",") }
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE webhook_endpoints SET disabled_at = ?, disabled_reason = 'removed from the campaign'
                    WHERE campaign_id = ? AND disabled_at IS NULL
                    """,
                arguments: [now.epochMilliseconds, campaignID]
            )
            for url in urls {
                try db.execute(
                    sql: """
                        INSERT INTO webhook_endpoints (campaign_id, url, event_types) VALUES (?, ?, ?)
                        ON CONFLICT (campaign_id, url) DO UPDATE SET event_types = excluded.event_types,
                            disabled_at = NULL, disabled_reason = NULL
                        """,
                    arguments: [campaignID, url, filter]
                )
            }
        }
    }

    public func webhookEndpoints(ofCampaign campaignID: Int64) throws -> [WebhookEndpointRecord] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM webhook_endpoints WHERE campaign_id = ? ORDER BY id", arguments: [campaignID]
            ).map(Self.endpoint)
        }
    }

    public func recordEvents(_ events: [OutboxEvent], ofCampaign campaignID: Int64, now: Date) throws {
        try writer.write { db in
            for event in events { try Self.insert(event, campaignID: campaignID, due: now, db) }
        }
    }

    public func dueDeliveries(ofCampaign campaignID: Int64, now: Date, limit: Int) throws -> [PendingDelivery] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.id AS event_id, e.type, e.contact_id, e.occurred_at, e.body, d.attempts, w.*
                    FROM webhook_deliveries d
                    JOIN webhook_events e ON e.id = d.event_id
                    JOIN webhook_endpoints w ON w.id = d.endpoint_id
                    WHERE e.campaign_id = ? AND d.next_attempt_at IS NOT NULL AND d.next_attempt_at <= ?
                        AND w.disabled_at IS NULL
                    ORDER BY d.next_attempt_at, e.occurred_at, e.id
                    LIMIT ?
                    """,
                arguments: [campaignID, now.epochMilliseconds, limit]
            ).map { row in
                PendingDelivery(event: Self.event(row, id: "event_id"), endpoint: Self.endpoint(row), attempts: row["attempts"])
            }
        }
    }

    public func nextDeliveryDate(ofCampaign campaignID: Int64) throws -> Date? {
        try writer.read { db in
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT MIN(d.next_attempt_at) FROM webhook_deliveries d
                    JOIN webhook_events e ON e.id = d.event_id
                    JOIN webhook_endpoints w ON w.id = d.endpoint_id
                    WHERE e.campaign_id = ? AND d.next_attempt_at IS NOT NULL AND w.disabled_at IS NULL
                    """,
                arguments: [campaignID]
            ).map(Date.init(epochMilliseconds:))
        }
    }

    public func recordDelivery(eventID: String, endpointID: Int64, _ record: DeliveryRecord) throws {
        try writer.write { db in
            let update = """
                UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?, delivered_at = ?,
                    failed_at = ?, last_status = ?, last_error = ?, last_attempt_at = ?
                WHERE event_id = ? AND endpoint_id = ?
                """
            switch record {
            case .delivered(let at, let status):
                try db.execute(sql: update, arguments: [
                    nil, at.epochMilliseconds, nil, status, nil, at.epochMilliseconds, eventID, endpointID,
                ])
            case .retry(let at, let retryAt, let status, let error):
                try db.execute(sql: update, arguments: [
                    retryAt.epochMilliseconds, nil, nil, status, error, at.epochMilliseconds, eventID, endpointID,
                ])
            case .failed(let at, let status, let error):
                try db.execute(sql: update, arguments: [
                    nil, nil, at.epochMilliseconds, status, error, at.epochMilliseconds, eventID, endpointID,
                ])
            case .endpointGone(let at, let status, let error):
                try db.execute(sql: update, arguments: [
                    nil, nil, at.epochMilliseconds, status, error, at.epochMilliseconds, eventID, endpointID,
                ])
                try db.execute(
                    sql: "UPDATE webhook_endpoints SET disabled_at = ?, disabled_reason = ? WHERE id = ?",
                    arguments: [at.epochMilliseconds, "the endpoint answered \(status) Gone", endpointID]
                )
            }
        }
    }

    public func requeueEvents(ofCampaign campaignID: Int64, since: Date?, type: String?, now: Date) throws -> Int {
        try writer.write { db in
            let events = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM webhook_events
                    WHERE campaign_id = ? AND (? IS NULL OR occurred_at >= ?) AND (? IS NULL OR type = ?)
                    ORDER BY occurred_at, id
                    """,
                arguments: [campaignID, since?.epochMilliseconds, since?.epochMilliseconds, type, type]
            ).map { Self.event($0, id: "id") }
            var queued = 0
            for event in events {
                try db.execute(
                    sql: """
                        UPDATE webhook_deliveries SET next_attempt_at = ?, delivered_at = NULL, failed_at = NULL
                        WHERE event_id = ? AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE disabled_at IS NULL)
                        """,
                    arguments: [now.epochMilliseconds, event.id]
                )
                queued += db.changesCount
                queued += try Self.queueDeliveries(of: event, campaignID: campaignID, due: now, db)
            }
            return queued
        }
    }

    public func deliveryTotals(ofCampaign campaignID: Int64) throws -> [WebhookDeliveryTotals] {
        try writer.read { db in
            let endpoints = try Row.fetchAll(
                db, sql: "SELECT * FROM webhook_endpoints WHERE campaign_id = ? ORDER BY id", arguments: [campaignID]
            ).map(Self.endpoint)
            return try endpoints.map { endpoint in
                let counts = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(delivered_at), COUNT(next_attempt_at), COUNT(failed_at)
                        FROM webhook_deliveries WHERE endpoint_id = ?
                        """,
                    arguments: [endpoint.id]
                )
                let errors = try String.fetchAll(
                    db,
                    sql: """
                        SELECT last_error FROM webhook_deliveries
                        WHERE endpoint_id = ? AND last_error IS NOT NULL AND delivered_at IS NULL
                        ORDER BY last_attempt_at DESC LIMIT 3
                        """,
                    arguments: [endpoint.id]
                )
                return WebhookDeliveryTotals(
                    endpoint: endpoint,
                    delivered: counts?[0] ?? 0,
                    pending: counts?[1] ?? 0,
                    failed: counts?[2] ?? 0,
                    lastErrors: errors
                )
            }
        }
    }

    /// Writes `event` (once: a stored id is kept as it is) and queues it for every enabled endpoint of the
    /// campaign whose filter takes it, inside the caller's transaction.
    static func insert(_ event: OutboxEvent, campaignID: Int64, due: Date, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO webhook_events (id, campaign_id, contact_id, type, occurred_at, body) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """
        ).execute(arguments: [
            event.id, campaignID, event.contactID, event.type, event.occurredAt.epochMilliseconds, Data(event.body),
        ])
        guard db.changesCount == 1 else { return }
        _ = try queueDeliveries(of: event, campaignID: campaignID, due: due, db)
    }

    /// Queues `event` for the enabled endpoints that do not have it yet.
    private static func queueDeliveries(of event: OutboxEvent, campaignID: Int64, due: Date, _ db: Database) throws
        -> Int
    {
        try db.cachedStatement(
            sql: """
                INSERT INTO webhook_deliveries (event_id, endpoint_id, next_attempt_at)
                SELECT ?, id, ? FROM webhook_endpoints
                WHERE campaign_id = ? AND disabled_at IS NULL
                    AND (event_types IS NULL OR instr(',' || event_types || ',', ',' || ? || ',') > 0)
                ON CONFLICT (event_id, endpoint_id) DO NOTHING
                """
        ).execute(arguments: [event.id, due.epochMilliseconds, campaignID, event.type])
        return db.changesCount
    }

    private static func endpoint(_ row: Row) -> WebhookEndpointRecord {
        let filter: String? = row["event_types"]
        return WebhookEndpointRecord(
            id: row["id"],
            campaignID: row["campaign_id"],
            url: row["url"],
            eventTypes: filter.map { $0.split(separator: ",").map(String.init) },
            disabledAt: (row["disabled_at"] as Int64?).map(Date.init(epochMilliseconds:)),
            disabledReason: row["disabled_reason"]
        )
    }

    private static func event(_ row: Row, id column: String) -> OutboxEvent {
        let body: Data = row["body"]
        return OutboxEvent(
            id: row[column],
            type: row["type"],
            contactID: row["contact_id"],
            occurredAt: Date(epochMilliseconds: row["occurred_at"]),
            body: Array(body)
        )
    }
}
