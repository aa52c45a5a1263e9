public import Foundation

/// The single-runner lease of a campaign: which runner dials it, and until when.
public protocol CampaignLeases: Sendable {
    /// Takes the lease of campaign `id` for `owner`, in one transaction: granted when nobody holds it,
    /// when it has expired, when `owner` already holds it (a renewal), or when `takeOver` says the
    /// holder is gone.
    /// - Throws: ``CampaignStoreError/campaignNotFound(id:)``.
    func acquireLease(
        ofCampaign id: Int64,
        owner: LeaseOwner,
        duration: TimeInterval,
        now: Date,
        takeOver: @Sendable (CampaignLease) -> Bool
    ) async throws -> LeaseAcquisition

    /// Gives up the lease of campaign `id` if `owner` holds it; does nothing otherwise.
    func releaseLease(ofCampaign id: Int64, owner: LeaseOwner, now: Date) async throws
}
