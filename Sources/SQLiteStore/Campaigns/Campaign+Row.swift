public import CampaignStore
import Foundation
public import GRDB

extension Campaign: FetchableRecord, TableRecord {
    /// The table name, `campaigns`.
    public static let databaseTableName = "campaigns"

    /// Decodes a `campaigns` row.
    ///
    /// - Throws: ``CampaignStoreError/invalidRecord(table:column:value:)`` for a row edited by hand
    ///   with an unknown status or settings that are not a JSON object.
    public init(row: Row) throws {
        let settingsJSON: String = row["settings"]
        let settings: CampaignSettings
        do {
            settings = try JSONDecoder().decode(CampaignSettings.self, from: Data(settingsJSON.utf8))
        } catch {
            throw CampaignStoreError.invalidRecord(table: "campaigns", column: "settings", value: settingsJSON)
        }
        let statusText: String = row["status"]
        guard let status = CampaignStatus(rawValue: statusText) else {
            throw CampaignStoreError.invalidRecord(table: "campaigns", column: "status", value: statusText)
        }
        var lease: CampaignLease?
        if let pid: Int32 = row["lease_owner_pid"], let expires: Int64 = row["lease_expires_at"] {
            let host: String = row["lease_owner_host"] ?? ""
            lease = CampaignLease(
                ownerID: row["lease_owner_id"] ?? "\(host):\(pid)", pid: pid, host: host,
                expiresAt: Date(epochMilliseconds: expires))
        }
        self.init(
            id: row["id"],
            name: row["name"],
            agentID: row["agent_id"],
            settings: settings,
            status: status,
            pauseReason: row["pause_reason"],
            lease: lease,
            createdAt: Date(epochMilliseconds: row["created_at"]),
            updatedAt: Date(epochMilliseconds: row["updated_at"])
        )
    }
}
