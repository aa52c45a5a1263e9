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
    /// The journal the runner reads and writes through; `nil` uses the store's journal of the campaign.
    /// A server passes one that also counts what is written (placed calls, outcomes) for its metrics.
    public var journal: (any DispatchJournal)?

    /// Creates a request.
    /// - Parameters:
    ///   - campaign: The campaign.
    ///   - configuration: How to dial.
    ///   - calls: The API.
    ///   - apiKeyFingerprint: The key's fingerprint, for the learned rate limit (default none).
    ///   - untilIdle: Return once only future work remains (default false).
    ///   - logger: Where the run logs.
    ///   - onProgress: Receives progress snapshots.
    ///   - journal: The journal to run through (default the store's).
    public init(
        campaign: Campaign,
        configuration: EngineConfiguration,
        calls: any CallService,
        apiKeyFingerprint: String? = nil,
        untilIdle: Bool = false,
        logger: Logger = Logger(label: "vaani.engine"),
        onProgress: @escaping @Sendable (RunProgress) -> Void = { _ in },
        journal: (any DispatchJournal)? = nil
    ) {
        self.campaign = campaign
        self.configuration = configuration
        self.calls = calls
        self.apiKeyFingerprint = apiKeyFingerprint
        self.untilIdle = untilIdle
        self.logger = logger
        self.onProgress = onProgress
        self.journal = journal
    }
}
