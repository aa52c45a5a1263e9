public import CampaignStore
import Foundation
public import GRDB

extension ImportRecord: FetchableRecord, TableRecord {
    /// The table name, `imports`.
    public static let databaseTableName = "imports"

    /// Decodes an `imports` row.
    public init(row: Row) throws {
        self.init(
            id: row["id"],
            campaignID: row["campaign_id"],
            source: row["source"],
            startedAt: Date(epochMilliseconds: row["started_at"]),
            finishedAt: (row["finished_at"] as Int64?).map(Date.init(epochMilliseconds:)),
            counts: ImportCounts(
                rows: row["rows"],
                imported: row["imported"],
                rejected: row["rejected"],
                duplicates: row["duplicates"],
                suppressed: row["suppressed"]
            )
        )
    }
}
