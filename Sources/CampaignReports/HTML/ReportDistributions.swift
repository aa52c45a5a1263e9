import CampaignStore
import Foundation
import GRDB

/// The distributions the HTML report charts, computed by grouped SQL over every contact and attempt.
struct ReportDistributions: Sendable, Hashable {
    /// The categories of the call-duration histogram, as upper bounds in seconds (the last is open).
    static let durationBounds: [(label: String, upperSeconds: Int?)] = [
        ("< 30 s", 30), ("30–60 s", 60), ("1–2 min", 120), ("2–3 min", 180), ("3–5 min", 300),
        ("5–10 min", 600), ("≥ 10 min", nil),
    ]

    /// Contacts per number of attempts; the last slot counts five or more.
    var contactsByAttempts = [Int](repeating: 0, count: 6)
    /// Answered calls per duration category of ``durationBounds``.
    var answeredByDuration = [Int](repeating: 0, count: durationBounds.count)
    /// Calls placed per hour of the contact's local day.
    var placedByLocalHour = [Int](repeating: 0, count: 24)
    /// Calls answered per hour of the contact's local day.
    var answeredByLocalHour = [Int](repeating: 0, count: 24)
    /// When the first attempt started and the last ended, epoch milliseconds.
    var firstAttemptAt: Int64?
    /// When the last attempt ended (or started, if still open), epoch milliseconds.
    var lastAttemptAt: Int64?

    /// Reads the distributions of `campaign`. Contacts without a known time zone count in the
    /// campaign's default zone, else UTC.
    static func fetch(campaign: Campaign, in db: Database) throws -> ReportDistributions {
        var result = ReportDistributions()
        for row in try Row.fetchAll(
            db,
            sql: "SELECT MIN(attempts, 5), COUNT(*) FROM contacts WHERE campaign_id = ? GROUP BY 1",
            arguments: [campaign.id]
        ) {
            let slot: Int = row[0]
            result.contactsByAttempts[max(0, min(slot, 5))] += row[1] as Int
        }
        let bucketCase = durationBounds.enumerated().compactMap { index, bound in
            bound.upperSeconds.map { "WHEN duration_ms < \($0 * 1000) THEN \(index)" }
        }.joined(separator: " ")
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT CASE \(bucketCase) ELSE \(durationBounds.count - 1) END, COUNT(*)
                FROM attempts
                WHERE campaign_id = ? AND COALESCE(outcome, call_status) = 'completed' AND duration_ms IS NOT NULL
                GROUP BY 1
                """,
            arguments: [campaign.id]
        ) {
            let bucket: Int = row[0]
            result.answeredByDuration[max(0, min(bucket, durationBounds.count - 1))] += row[1] as Int
        }
        try fetchLocalHours(campaign: campaign, in: db, into: &result)
        if let span = try Row.fetchOne(
            db,
            sql: "SELECT MIN(started_at), MAX(COALESCE(ended_at, started_at)) FROM attempts WHERE campaign_id = ?",
            arguments: [campaign.id]
        ) {
            result.firstAttemptAt = span[0]
            result.lastAttemptAt = span[1]
        }
        return result
    }

    /// Groups placed calls by zone and quarter hour in SQL (every zone's offset is a whole number
    /// of quarter hours), then converts each group's start to the zone's local hour in Swift.
    private static func fetchLocalHours(
        campaign: Campaign,
        in db: Database,
        into result: inout ReportDistributions
    ) throws {
        let quarterHour: Int64 = 15 * 60 * 1000
        let fallback = campaign.settings.defaultTimeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone.gmt
        var zones: [String: TimeZone] = [:]
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.timezone, a.started_at / ?, COUNT(*),
                       SUM(COALESCE(a.outcome, a.call_status) = 'completed')
                FROM attempts a JOIN contacts c ON c.id = a.contact_id
                WHERE a.campaign_id = ? AND a.call_id IS NOT NULL
                GROUP BY 1, 2
                """,
            arguments: [quarterHour, campaign.id]
        )
        while let row = try cursor.next() {
            let identifier: String? = row[0]
            let zone: TimeZone
            if let identifier {
                if let known = zones[identifier] {
                    zone = known
                } else {
                    zone = TimeZone(identifier: identifier) ?? fallback
                    zones[identifier] = zone
                }
            } else {
                zone = fallback
            }
            let quarter: Int64 = row[1]
            let start = Date(epochMilliseconds: quarter * quarterHour)
            let localSeconds = Int64(start.timeIntervalSince1970) + Int64(zone.secondsFromGMT(for: start))
            let secondsOfDay = ((localSeconds % 86_400) + 86_400) % 86_400
            let hour = Int(secondsOfDay / 3600)
            result.placedByLocalHour[hour] += row[2] as Int
            result.answeredByLocalHour[hour] += row[3] as Int
        }
    }
}
