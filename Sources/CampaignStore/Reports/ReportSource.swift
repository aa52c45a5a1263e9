/// What the reports read: one consistent snapshot of the store, so that a report's totals and its
/// rows describe the same moment even while a campaign runs.
public protocol ReportSource: Sendable {
    /// Runs `body` with a read-only snapshot of the store that stays the same until `body` returns
    /// (and never blocks a running campaign's writes).
    func withReportSnapshot<Result>(_ body: (any ReportSnapshot) async throws -> Result) async throws -> Result
}
