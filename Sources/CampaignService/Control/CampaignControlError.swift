/// Why a ``CampaignControl`` action did not happen. Each case has a stable ``code`` for APIs.
public struct CampaignControlError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Base: Hashable, Sendable {
        case unknownCampaign
        case refused(action: String, reason: String)
        case contended
    }

    private let base: Base
    /// The campaign's name.
    public let campaign: String

    /// No campaign has this name.
    public static func unknownCampaign(_ name: String) -> CampaignControlError {
        CampaignControlError(base: .unknownCampaign, campaign: name)
    }

    /// The campaign's lifecycle does not allow the action (a completed campaign cannot be paused).
    public static func refused(campaign: String, action: String, reason: String) -> CampaignControlError {
        CampaignControlError(base: .refused(action: action, reason: reason), campaign: campaign)
    }

    /// The state kept changing while the action was being stored.
    public static func contended(campaign: String) -> CampaignControlError {
        CampaignControlError(base: .contended, campaign: campaign)
    }

    /// A stable machine-readable code: `campaign_not_found`, `invalid_state` or `state_contended`.
    public var code: String {
        switch base {
        case .unknownCampaign: "campaign_not_found"
        case .refused: "invalid_state"
        case .contended: "state_contended"
        }
    }

    /// What happened, as a sentence.
    public var description: String {
        switch base {
        case .unknownCampaign:
            "No campaign named \"\(campaign)\"."
        case .refused(let action, let reason):
            "Cannot \(action) \(campaign): \(reason)."
        case .contended:
            "The state of campaign \(campaign) kept changing while it was being changed; try again."
        }
    }
}
