/// A read-only view of the store at one moment, for the reports. The row methods stream: they call
/// `body` once per row in order, so memory stays flat however many contacts a campaign has.
public protocol ReportSnapshot {
    /// The campaign named `name`, or `nil`.
    func campaign(named name: String) async throws -> Campaign?

    /// Every campaign, oldest first, with its contact counts.
    func campaignProgress() async throws -> [CampaignProgress]

    /// Counts and sums over every contact and attempt of a campaign.
    func totals(ofCampaign campaignID: Int64) async throws -> CampaignTotals

    /// How a campaign's contacts and calls are distributed, for the report's charts.
    /// - Parameters:
    ///   - campaignID: The campaign.
    ///   - durationBoundsSeconds: The upper bounds of the answered-call duration buckets, ascending; one
    ///     more bucket counts everything longer.
    func distributions(ofCampaign campaignID: Int64, durationBoundsSeconds: [Int]) async throws
        -> CampaignDistributions

    /// The stored template-variables JSON of every contact, in import order.
    func forEachContactVariables(ofCampaign campaignID: Int64, _ body: (String) throws -> Void) async throws

    /// Every contact in import order with its latest attempt.
    /// - Parameter limit: The most contacts to read, or `nil` for all.
    func forEachContact(
        ofCampaign campaignID: Int64,
        limit: Int?,
        _ body: (ContactReportRow) throws -> Void
    ) async throws

    /// One line per attempt of every contact (in import order, then attempt order), and one line with
    /// no attempt for each contact never attempted.
    func forEachAttempt(ofCampaign campaignID: Int64, _ body: (AttemptReportRow) throws -> Void) async throws
}
