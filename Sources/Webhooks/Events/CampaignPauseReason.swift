/// Why a campaign paused, as `campaign.paused` carries it in `data.reason`.
public enum CampaignPauseReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// The API answered 402: the wallet must be topped up.
    case insufficientBalance = "insufficient_balance"
    /// The API answered 401: the API key must be fixed.
    case apiKeyRefused = "api_key_refused"
    /// Someone paused the campaign by hand.
    case byUser = "by_user"
}
