import ArgumentParser
import CampaignStore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The single-runner lease of a campaign, held for the life of a `run`: a second runner is refused
/// naming the holder; a lease left by a process that no longer exists on this host is taken over.
struct RunLease: Sendable {
    static let duration: TimeInterval = 60
    static let renewal: Duration = .seconds(15)

    let store: any CampaignLeases
    let campaignID: Int64
    let pid: Int32
    let host: String

    static func acquire(_ store: any CampaignLeases, campaign: Campaign) async throws -> RunLease {
        let pid = getpid()
        let host = ProcessInfo.processInfo.hostName
        let lease = RunLease(store: store, campaignID: campaign.id, pid: pid, host: host)
        switch try await lease.take() {
        case .acquired:
            return lease
        case .heldBy(let holder):
            print(
                "Campaign \(campaign.name) is already being run by process \(holder.pid) on \(holder.host). "
                    + "Wait for it to finish, or stop it (Ctrl-C in its terminal, or `vaani-dialer pause \(campaign.name)`)."
            )
            throw ExitCode(5)
        }
    }

    private func take() async throws -> LeaseAcquisition {
        let host = host
        return try await store.acquireLease(
            ofCampaign: campaignID, pid: pid, host: host, duration: Self.duration, now: Date()
        ) { holder in
            holder.host == host && !Self.processExists(holder.pid)
        }
    }

    /// Renews the lease until cancelled.
    func keepRenewed() async throws {
        while true {
            try await Task.sleep(for: Self.renewal)
            _ = try await take()
        }
    }

    func release() async {
        try? await store.releaseLease(ofCampaign: campaignID, pid: pid, host: host, now: Date())
    }

    /// Whether a process with this id exists on this host (`kill(pid, 0)` succeeds or is refused for
    /// permission, which also means it exists).
    static func processExists(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
