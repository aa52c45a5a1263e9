public import CampaignStore
public import Foundation
import GRDB

extension CampaignDatabase {
    /// Takes the single-runner lease of a campaign for `owner`, in one transaction.
    ///
    /// The lease is granted when nobody holds it, when it has expired, when `owner` already holds it
    /// (a renewal), or when `takeOver` says the holder is gone (for example, a process id on this host
    /// that no longer exists).
    ///
    /// - Parameters:
    ///   - id: The campaign.
    ///   - owner: The runner asking.
    ///   - duration: How long the lease lasts unless renewed.
    ///   - now: The current time.
    ///   - takeOver: Decides whether an unexpired lease of another runner may be taken over.
    /// - Throws: ``CampaignStoreError/campaignNotFound(id:)``.
    public func acquireLease(
        ofCampaign id: Int64,
        owner: LeaseOwner,
        duration: TimeInterval,
        now: Date = Date(),
        takeOver: @Sendable (CampaignLease) -> Bool = { _ in false }
    ) throws -> LeaseAcquisition {
        try writer.write { db in
            guard let campaign = try Campaign.fetchOne(db, key: id) else {
                throw CampaignStoreError.campaignNotFound(id: id)
            }
            if let held = campaign.lease, held.expiresAt > now, held.ownerID != owner.id, !takeOver(held) {
                return .heldBy(held)
            }
            let lease = CampaignLease(
                ownerID: owner.id, pid: owner.pid, host: owner.host, expiresAt: now.addingTimeInterval(duration))
            try db.execute(
                sql: """
                    UPDATE campaigns SET lease_owner_id = ?, lease_owner_pid = ?, lease_owner_host = ?,
                        lease_expires_at = ?, updated_at = ?
                    WHERE id = ?
                    """,
                arguments: [owner.id, owner.pid, owner.host, lease.expiresAt.epochMilliseconds, now.epochMilliseconds, id]
            )
            return .acquired(lease)
        }
    }

    /// Gives up the lease of campaign `id` if `owner` holds it; does nothing otherwise.
    public func releaseLease(ofCampaign id: Int64, owner: LeaseOwner, now: Date = Date()) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE campaigns SET lease_owner_id = NULL, lease_owner_pid = NULL, lease_owner_host = NULL,
                        lease_expires_at = NULL, updated_at = ?
                    WHERE id = ? AND lease_owner_id = ?
                    """,
                arguments: [now.epochMilliseconds, id, owner.id]
            )
        }
    }
}
