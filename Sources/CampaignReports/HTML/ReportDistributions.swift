import CampaignStore
import Foundation

/// The distributions the HTML report charts, from the store's grouping of every contact and attempt.
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
    static func fetch(campaign: Campaign, in snapshot: any ReportSnapshot) async throws -> ReportDistributions {
        let stored = try await snapshot.distributions(
            ofCampaign: campaign.id,
            durationBoundsSeconds: durationBounds.compactMap(\.upperSeconds)
        )
        var result = ReportDistributions()
        for (slot, count) in stored.contactsByAttempts.enumerated() { result.contactsByAttempts[min(slot, 5)] += count }
        for (bucket, count) in stored.answeredByDurationBucket.enumerated() {
            result.answeredByDuration[min(bucket, durationBounds.count - 1)] += count
        }
        result.firstAttemptAt = stored.firstAttemptAt?.epochMilliseconds
        result.lastAttemptAt = stored.lastAttemptAt?.epochMilliseconds
        let quarterHour: Int64 = 15 * 60 * 1000
        let fallback = campaign.settings.defaultTimeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone.gmt
        var zones: [String: TimeZone] = [:]
        for group in stored.callsByQuarterHour {
            let zone: TimeZone
            if let identifier = group.timeZone {
                if let known = zones[identifier] {
                    zone = known
                } else {
                    zone = TimeZone(identifier: identifier) ?? fallback
                    zones[identifier] = zone
                }
            } else {
                zone = fallback
            }
            let start = Date(epochMilliseconds: group.quarterHour * quarterHour)
            let localSeconds = Int64(start.timeIntervalSince1970) + Int64(zone.secondsFromGMT(for: start))
            let secondsOfDay = ((localSeconds % 86_400) + 86_400) % 86_400
            let hour = Int(secondsOfDay / 3600)
            result.placedByLocalHour[hour] += group.placed
            result.answeredByLocalHour[hour] += group.answered
        }
        return result
    }
}
