public import CampaignStore
public import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Holds one campaign's single-runner lease for one runner: takes it, renews it while the run lasts,
/// and gives it back. A lease left by a process that no longer exists on this host is taken over.
public struct CampaignLeaseKeeper<C: Clock>: Sendable where C.Duration == Duration {
    /// How long a lease lasts unless renewed.
    public static var duration: TimeInterval { 60 }
    /// How often a held lease is renewed.
    public static var renewal: Duration { .seconds(15) }

    /// The store.
    public let store: any CampaignLeases
    /// The campaign.
    public let campaign: Campaign
    /// The runner holding it.
    public let owner: LeaseOwner
    /// The clock for renewals.
    public let clock: C

    /// Takes the lease of `campaign` for `owner`.
    /// - Throws: ``CampaignServiceError`` when another live runner holds it; store errors.
    public static func acquire(
        _ store: any CampaignLeases,
        campaign: Campaign,
        owner: LeaseOwner,
        clock: C
    ) async throws -> CampaignLeaseKeeper {
        let keeper = CampaignLeaseKeeper(store: store, campaign: campaign, owner: owner, clock: clock)
        if case .heldBy(let holder) = try await keeper.take() {
            throw CampaignServiceError.leaseHeld(campaign: campaign.name, by: holder)
        }
        return keeper
    }

    private func take() async throws -> LeaseAcquisition {
        let host = owner.host
        return try await store.acquireLease(
            ofCampaign: campaign.id, owner: owner, duration: Self.duration, now: Date()
        ) { holder in
            holder.host == host && !Self.processExists(holder.pid)
        }
    }

    /// Renews the lease until cancelled.
    public func keepRenewed() async throws {
        while true {
            try await clock.sleep(for: Self.renewal)
            _ = try await take()
        }
    }

    /// Gives the lease back (if this runner still holds it).
    public func release() async {
        try? await store.releaseLease(ofCampaign: campaign.id, owner: owner, now: Date())
    }

    /// Whether a process with this id exists on this host (`kill(pid, 0)` succeeds or is refused for
    /// permission, which also means it exists).
    public static func processExists(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// A new owner id for a runner of this process.
    public static func newOwner() -> LeaseOwner {
        let host = ProcessInfo.processInfo.hostName
        let pid = getpid()
        return LeaseOwner(id: "\(host):\(pid):\(UUID().uuidString.lowercased())", pid: pid, host: host)
    }
}
