public import CampaignStore
public import Foundation
import GRDB

extension CampaignDatabase {
    /// Takes the single-runner lease of a campaign, in one transaction.
    ///
    /// The lease is granted when nobody holds it, when it has expired, when the caller already holds
    /// it (a renewal), or when `takeOver` says the holder is gone (for example, a process id on this
    /// host that no longer exists).
    ///
    /// - Parameters:
    ///   - id: The campaign.
    ///   - pid: The caller's process id.
    ///   - host: The caller's host name.
    ///   - duration: How long the lease lasts unless renewed.
    ///   - now: The current time.
    ///   - takeOver: Decides whether an unexpired lease of another process may be taken over.
    /// - Throws: ``CampaignStoreError/campaignNotFound(id:)``.
    public func acquireLease(
        ofCampaign id: Int64,
        pid: Int32,
        host: String,
        duration: TimeInterval,
        now: Date = Date(),
        takeOver: @Sendable (CampaignLease) -> Bool = { _ in false }
    ) throws -> LeaseAcquisition {
        try writer.write { db in
            guard let campaign = try Campaign.fetchOne(db, key: id) else {
                throw CampaignStoreError.campaignNotFound(id: id)
            }
            if let held = campaign.lease, held.expiresAt > now, !(held.pid == pid && held.host == host),
                !takeOver(held)
            {
                return .heldBy(held)
            }
            let lease = CampaignLease(pid: pid, host: host, expiresAt: now.addingTimeInterval(duration))
            try db.execute(
                sql: """
                    UPDATE campaigns SET lease_owner_pid = ?, lease_owner_host = ?, lease_expires_at = ?, updated_at = ?
                    WHERE id = ?
                    """,
                arguments: [pid, host, lease.expiresAt.epochMilliseconds, now.epochMilliseconds, id]
            )
            return .acquired(lease)
        }
    }

    /// Gives up the lease of campaign `id` if `pid` on `host` holds it; does nothing otherwise.
    public func releaseLease(ofCampaign id: Int64, pid: Int32, host: String, now: Date = Date()) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE campaigns SET lease_owner_pid = NULL, lease_owner_host = NULL, lease_expires_at = NULL,
                        updated_at = ?
                    WHERE id = ? AND lease_owner_pid = ? AND lease_owner_host = ?
                    """,
                arguments: [now.epochMilliseconds, id, pid, host]
            )
        }
    }
}
