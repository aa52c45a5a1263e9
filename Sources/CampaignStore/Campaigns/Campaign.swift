public import Foundation
public import GRDB

/// A campaign: one contact list, one Vaani agent, one set of dialing settings. A row of `campaigns`.
public struct Campaign: Sendable, Hashable, Identifiable {
    /// The row id.
    public var id: Int64
    /// The unique name users type (`vaani-dialer run NAME`).
    public var name: String
    /// The Vaani agent (id or name) that places every call.
    public var agentID: String
    /// How the campaign dials.
    public var settings: CampaignSettings
    /// Where the campaign is in its life.
    public var status: CampaignStatus
    /// Why the campaign is paused, when it is (for example `insufficient balance`).
    public var pauseReason: String?
    /// The process that holds the single-runner lease, if any.
    public var lease: CampaignLease?
    /// When the campaign was created.
    public var createdAt: Date
    /// When the campaign row last changed.
    public var updatedAt: Date
}

/// The single-runner lock of a campaign: which process holds it, and until when.
public struct CampaignLease: Sendable, Hashable {
    /// The holder's process id.
    public var pid: Int32
    /// The holder's host name.
    public var host: String
    /// When the lease lapses unless renewed.
    public var expiresAt: Date

    /// Creates a lease value.
    public init(pid: Int32, host: String, expiresAt: Date) {
        self.pid = pid
        self.host = host
        self.expiresAt = expiresAt
    }
}

extension Campaign: FetchableRecord, TableRecord {
    /// The table name, `campaigns`.
    public static let databaseTableName = "campaigns"

    /// Decodes a `campaigns` row.
    ///
    /// - Throws: ``CampaignStoreError/invalidRecord(table:column:value:)`` for a row edited by hand
    ///   with an unknown status or settings that are not a JSON object.
    public init(row: Row) throws {
        id = row["id"]
        name = row["name"]
        agentID = row["agent_id"]
        let settingsJSON: String = row["settings"]
        do {
            settings = try JSONDecoder().decode(CampaignSettings.self, from: Data(settingsJSON.utf8))
        } catch {
            throw CampaignStoreError.invalidRecord(table: "campaigns", column: "settings", value: settingsJSON)
        }
        let statusText: String = row["status"]
        guard let status = CampaignStatus(rawValue: statusText) else {
            throw CampaignStoreError.invalidRecord(table: "campaigns", column: "status", value: statusText)
        }
        self.status = status
        pauseReason = row["pause_reason"]
        if let pid: Int32 = row["lease_owner_pid"], let expires: Int64 = row["lease_expires_at"] {
            lease = CampaignLease(
                pid: pid,
                host: row["lease_owner_host"] ?? "",
                expiresAt: Date(epochMilliseconds: expires)
            )
        } else {
            lease = nil
        }
        createdAt = Date(epochMilliseconds: row["created_at"])
        updatedAt = Date(epochMilliseconds: row["updated_at"])
    }
}

extension CampaignSettings {
    /// The settings as the compact JSON stored in `campaigns.settings`.
    func encodedJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
