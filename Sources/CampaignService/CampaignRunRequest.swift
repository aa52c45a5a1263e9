public import CampaignEngine
public import CampaignStore
public import Logging

/// One campaign to run in a ``CampaignService``: the campaign, its resolved settings, and the API it
/// dials through.
public struct CampaignRunRequest: Sendable {
    /// The campaign.
    public var campaign: Campaign
    /// How to dial (stored settings, campaign file and command line already resolved).
    public var configuration: EngineConfiguration
    /// The API.
    public var calls: any CallService
    /// The API key's fingerprint, under which the learned rate limit is kept; `nil` learns nothing.
    public var apiKeyFingerprint: String?
    /// Return as soon as only future work remains, instead of waiting for it.
    public var untilIdle: Bool
    /// Where the run logs.
    public var logger: Logger
    /// Receives progress snapshots, at most a few per second.
    public var onProgress: @Sendable (RunProgress) -> Void

    /// Creates a request.
    public init(
        campaign: Campaign,
        configuration: EngineConfiguration,
        calls: any CallService,
        apiKeyFingerprint: String? = nil,
        untilIdle: Bool = false,
        logger: Logger = Logger(label: "vaani.engine"),
        onProgress: @escaping @Sendable (RunProgress) -> Void = { _ in }
    ) {
        self.campaign = campaign
        self.configuration = configuration
        self.calls = calls
        self.apiKeyFingerprint = apiKeyFingerprint
        self.untilIdle = untilIdle
        self.logger = logger
        self.onProgress = onProgress
    }
}
