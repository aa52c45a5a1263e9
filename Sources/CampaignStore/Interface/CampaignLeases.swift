public import Foundation

/// The single-runner lease of a campaign: which process dials it, and until when.
public protocol CampaignLeases: Sendable {
    /// Takes the lease of campaign `id`, in one transaction: granted when nobody holds it, when it has
    /// expired, when the caller already holds it (a renewal), or when `takeOver` says the holder is gone.
    /// - Throws: ``CampaignStoreError/campaignNotFound(id:)``.
    func acquireLease(
        ofCampaign id: Int64,
        pid: Int32,
        host: String,
        duration: TimeInterval,
        now: Date,
        takeOver: @Sendable (CampaignLease) -> Bool
    ) async throws -> LeaseAcquisition

    /// Gives up the lease of campaign `id` if `pid` on `host` holds it; does nothing otherwise.
    func releaseLease(ofCampaign id: Int64, pid: Int32, host: String, now: Date) async throws
}
