public import CampaignStore

/// Why a ``CampaignService`` did not run a campaign.
public struct CampaignServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case leaseHeld(CampaignLease)
    }

    private let code: Code
    /// The campaign's name.
    public let campaign: String

    /// Another live runner holds the campaign's lease.
    public static func leaseHeld(campaign: String, by holder: CampaignLease) -> CampaignServiceError {
        CampaignServiceError(code: .leaseHeld(holder), campaign: campaign)
    }

    /// The lease's holder, when another runner holds it.
    public var holder: CampaignLease? {
        switch code {
        case .leaseHeld(let holder): holder
        }
    }

    /// What happened and what to do.
    public var description: String {
        switch code {
        case .leaseHeld(let holder):
            "Campaign \(campaign) is already being run by process \(holder.pid) on \(holder.host). "
                + "Wait for it to finish, or stop it (Ctrl-C in its terminal, or `vaani-dialer pause \(campaign)`)."
        }
    }
}
