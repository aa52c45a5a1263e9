public import Foundation

/// The campaigns of a store, their contacts and attempts as the command line and the reports read
/// them, and the changes of a campaign's state. Every method is one transaction.
public protocol CampaignCatalog: Sendable {
    /// Creates a campaign in status `ready`.
    /// - Throws: ``CampaignStoreError`` for an invalid or taken name.
    func createCampaign(name: String, agentID: String, settings: CampaignSettings, now: Date) async throws -> Campaign

    /// The campaign named `name`, created in status `ready` when there is none.
    /// - Throws: ``CampaignStoreError/campaignAgentMismatch(name:existing:requested:)`` when it exists
    ///   with another agent.
    func findOrCreateCampaign(name: String, agentID: String, settings: CampaignSettings, now: Date) async throws
        -> Campaign

    /// The campaign named `name`, or `nil`.
    func campaign(named name: String) async throws -> Campaign?

    /// The campaign with id `id`, or `nil`.
    func campaign(id: Int64) async throws -> Campaign?

    /// Every campaign, by name.
    func campaigns() async throws -> [Campaign]

    /// Replaces the settings of campaign `id`.
    func updateSettings(_ settings: CampaignSettings, ofCampaign id: Int64, now: Date) async throws

    /// Sets the status (and pause reason, kept only for `paused`) of campaign `id`.
    /// - Throws: ``CampaignStoreError/campaignNotFound(id:)``.
    func setStatus(_ status: CampaignStatus, pauseReason: String?, ofCampaign id: Int64, now: Date) async throws

    /// Records `new` only if the campaign's stored state is still `expected` (compare-and-set), so that
    /// a pause or cancel from another process and a runner's own change never overwrite each other.
    /// - Returns: Whether the state was changed.
    func compareAndSetState(ofCampaign id: Int64, expected: CampaignState, new: CampaignState, now: Date)
        async throws -> Bool

    /// The number of contacts of a campaign in each status.
    func contactCounts(ofCampaign campaignID: Int64) async throws -> [ContactStatus: Int]

    /// The number of contacts of a campaign.
    func contactCount(ofCampaign campaignID: Int64) async throws -> Int

    /// Up to `limit` contacts of a campaign with an id above `afterID`, in id order.
    func contacts(ofCampaign campaignID: Int64, afterID: Int64, limit: Int) async throws -> [Contact]

    /// The contact of a campaign with this number, or `nil`.
    func contact(phoneE164: String, inCampaign campaignID: Int64) async throws -> Contact?

    /// Every attempt of a contact, oldest first.
    func attempts(ofContact contactID: Int64) async throws -> [Attempt]

    /// The calls of a campaign whose last known API status is `callStatus`, with their contacts.
    func calls(ofCampaign campaignID: Int64, withStatus callStatus: String) async throws -> [CampaignCall]
}
