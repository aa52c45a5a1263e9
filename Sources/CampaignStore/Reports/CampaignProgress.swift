/// A campaign with how many of its contacts there are and how many are final.
public struct CampaignProgress: Sendable, Hashable {
    /// The campaign.
    public var campaign: Campaign
    /// Its contacts.
    public var contacts: Int
    /// Its contacts in a final state.
    public var finishedContacts: Int

    /// Creates a value.
    public init(campaign: Campaign, contacts: Int, finishedContacts: Int) {
        self.campaign = campaign
        self.contacts = contacts
        self.finishedContacts = finishedContacts
    }
}
