public import CampaignStore
import GRDB

extension CampaignDatabase: ReportSource {
    /// Runs `body` over a GRDB snapshot of the file (a read transaction on its own connection, which
    /// never blocks a running campaign's writes), or over the connection itself for an in-memory or a
    /// read-only database, which nobody else writes through it.
    public func withReportSnapshot<Result>(
        _ body: (any ReportSnapshot) async throws -> Result
    ) async throws -> Result {
        if let pool = writer as? DatabasePool {
            let snapshot = try pool.makeSnapshot()
            return try await body(SQLiteReportSnapshot(reader: snapshot))
        }
        return try await body(SQLiteReportSnapshot(reader: writer))
    }
}
