public import CampaignStore
public import Foundation
package import GRDB

extension CampaignDatabase {
    /// Creates a campaign in status `ready`.
    ///
    /// - Parameters:
    ///   - name: Unique name, 1–200 characters, no control characters or path separators.
    ///   - agentID: The Vaani agent that places the calls.
    ///   - settings: How it dials (defaults when omitted).
    ///   - now: The creation time.
    /// - Returns: The stored campaign.
    /// - Throws: ``CampaignStoreError`` for an invalid name; a GRDB `DatabaseError` with
    ///   `SQLITE_CONSTRAINT_UNIQUE` when the name is taken.
    public func createCampaign(
        name: String,
        agentID: String,
        settings: CampaignSettings = CampaignSettings(),
        now: Date = Date()
    ) throws -> Campaign {
        try Campaign.validateName(name)
        let settingsJSON = try settings.encodedJSON()
        return try writer.write { db in
            try Self.insertCampaign(db, name: name, agentID: agentID, settingsJSON: settingsJSON, now: now)
        }
    }

    /// Returns the campaign named `name`, creating it in status `ready` when there is none.
    ///
    /// - Parameters:
    ///   - name: The campaign name.
    ///   - agentID: The agent; must match the existing campaign's agent.
    ///   - settings: Settings for a new campaign; an existing campaign keeps its own.
    ///   - now: The creation time of a new campaign.
    /// - Throws: ``CampaignStoreError/campaignAgentMismatch(name:existing:requested:)`` when the
    ///   campaign exists with another agent, ``CampaignStoreError/invalidCampaignName(_:reason:)``.
    public func findOrCreateCampaign(
        name: String,
        agentID: String,
        settings: CampaignSettings = CampaignSettings(),
        now: Date = Date()
    ) throws -> Campaign {
        try Campaign.validateName(name)
        let settingsJSON = try settings.encodedJSON()
        return try writer.write { db in
            if let existing = try Campaign.filter(Column("name") == name).fetchOne(db) {
                guard existing.agentID == agentID else {
                    throw CampaignStoreError.campaignAgentMismatch(
                        name: name,
                        existing: existing.agentID,
                        requested: agentID
                    )
                }
                return existing
            }
            return try Self.insertCampaign(db, name: name, agentID: agentID, settingsJSON: settingsJSON, now: now)
        }
    }

    /// The campaign named `name`, or `nil`.
    public func campaign(named name: String) throws -> Campaign? {
        try writer.read { db in try Self.campaign(named: name, in: db) }
    }

    /// The campaign named `name`, or `nil`, inside a transaction the caller holds (the reports read
    /// a campaign and its contacts in one).
    package static func campaign(named name: String, in db: Database) throws -> Campaign? {
        try Campaign.filter(Column("name") == name).fetchOne(db)
    }

    /// The campaign with row id `id`, or `nil`.
    public func campaign(id: Int64) throws -> Campaign? {
        try writer.read { db in try Campaign.fetchOne(db, key: id) }
    }

    /// Every campaign, by name.
    public func campaigns() throws -> [Campaign] {
        try writer.read { db in try Campaign.order(Column("name")).fetchAll(db) }
    }

    /// Replaces the settings of campaign `id`.
    ///
    /// - Throws: ``CampaignStoreError/campaignNotFound(id:)``.
    public func updateSettings(_ settings: CampaignSettings, ofCampaign id: Int64, now: Date = Date()) throws {
        let settingsJSON = try settings.encodedJSON()
        try writer.write { db in
            try db.execute(
                sql: "UPDATE campaigns SET settings = ?, updated_at = ? WHERE id = ?",
                arguments: [settingsJSON, now.epochMilliseconds, id]
            )
            guard db.changesCount == 1 else { throw CampaignStoreError.campaignNotFound(id: id) }
        }
    }

    /// Sets the status (and pause reason, kept only for `paused`) of campaign `id`.
    ///
    /// - Throws: ``CampaignStoreError/campaignNotFound(id:)``.
    public func setStatus(
        _ status: CampaignStatus,
        pauseReason: String? = nil,
        ofCampaign id: Int64,
        now: Date = Date()
    ) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE campaigns SET status = ?, pause_reason = ?, updated_at = ? WHERE id = ?",
                arguments: [status.rawValue, status == .paused ? pauseReason : nil, now.epochMilliseconds, id]
            )
            guard db.changesCount == 1 else { throw CampaignStoreError.campaignNotFound(id: id) }
        }
    }

    private static func insertCampaign(
        _ db: Database,
        name: String,
        agentID: String,
        settingsJSON: String,
        now: Date
    ) throws -> Campaign {
        let millis = now.epochMilliseconds
        try db.execute(
            sql: """
                INSERT INTO campaigns (name, agent_id, settings, status, created_at, updated_at, attempt_namespace)
                VALUES (?, ?, ?, 'ready', ?, ?, ?)
                """,
            arguments: [name, agentID, settingsJSON, millis, millis, UUID().uuidString.lowercased()]
        )
        guard let campaign = try Campaign.fetchOne(db, key: db.lastInsertedRowID) else {
            throw CampaignStoreError.campaignNotFound(name: name)
        }
        return campaign
    }
}
