public import CampaignStore

/// What a ``CampaignControl`` action did to a campaign's state.
public struct CampaignStateChange: Sendable, Hashable {
    /// The campaign's name.
    public var campaign: String
    /// The state before.
    public var previous: CampaignState
    /// The state after.
    public var current: CampaignState
    /// Contacts that a cancel marked `cancelled`.
    public var cancelledContacts: Int

    /// Creates a value.
    /// - Parameters:
    ///   - campaign: The campaign's name.
    ///   - previous: The state before.
    ///   - current: The state after.
    ///   - cancelledContacts: Contacts a cancel marked `cancelled` (default 0).
    public init(campaign: String, previous: CampaignState, current: CampaignState, cancelledContacts: Int = 0) {
        self.campaign = campaign
        self.previous = previous
        self.current = current
        self.cancelledContacts = cancelledContacts
    }

    /// Whether the state changed (a repeated pause changes nothing).
    public var changed: Bool { previous != current }
}
