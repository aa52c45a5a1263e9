/// The answer to a request for a campaign's single-runner lease.
public enum LeaseAcquisition: Sendable, Hashable {
    /// The caller now holds the lease until the given time.
    case acquired(CampaignLease)
    /// Another live process holds it.
    case heldBy(CampaignLease)
}
