/// How a campaign's events reach its webhook endpoints, as stored with its settings.
///
/// The endpoints' URLs live in the outbox (``WebhookOutbox/setWebhookEndpoints(_:eventTypes:ofCampaign:now:)``).
/// Secrets are never stored: only the paths of the files that hold them, read again by every run.
public struct WebhookSettings: Sendable, Hashable, Codable {
    /// The files holding the signing secrets (`whsec_…`); two while a secret is rotated.
    public var secretFiles: [String]
    /// The event types sent (`call.ended`, `campaign.paused`, …); `nil` for every type.
    public var eventTypes: [String]?
    /// The retry schedule as the user wrote it (`0s,5s,1m`); `nil` for the Standard Webhooks schedule.
    public var retrySchedule: String?
    /// How long `run` waits for due deliveries once every contact is final, in seconds.
    public var drainSeconds: Double
    /// Whether plain `http://` to another machine is allowed for the endpoints.
    public var allowInsecure: Bool

    /// Creates webhook settings; every parameter has the product's default.
    /// - Parameters:
    ///   - secretFiles: Paths of the secret files (default none).
    ///   - eventTypes: The event types sent (default every type).
    ///   - retrySchedule: The retry schedule's text (default the Standard Webhooks schedule).
    ///   - drainSeconds: How long `run` waits for due deliveries at the end (default 60 s).
    ///   - allowInsecure: Whether plain `http://` to another machine is allowed (default no).
    public init(
        secretFiles: [String] = [],
        eventTypes: [String]? = nil,
        retrySchedule: String? = nil,
        drainSeconds: Double = 60,
        allowInsecure: Bool = false
    ) {
        self.secretFiles = secretFiles
        self.eventTypes = eventTypes
        self.retrySchedule = retrySchedule
        self.drainSeconds = drainSeconds
        self.allowInsecure = allowInsecure
    }

    private enum CodingKeys: String, CodingKey {
        case secretFiles, eventTypes, retrySchedule, drainSeconds, allowInsecure
    }

    /// Decodes stored settings, taking the default for every missing key.
    public init(from decoder: any Decoder) throws {
        let defaults = WebhookSettings()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        secretFiles = try container.decodeIfPresent([String].self, forKey: .secretFiles) ?? defaults.secretFiles
        eventTypes = try container.decodeIfPresent([String].self, forKey: .eventTypes)
        retrySchedule = try container.decodeIfPresent(String.self, forKey: .retrySchedule)
        drainSeconds = try container.decodeIfPresent(Double.self, forKey: .drainSeconds) ?? defaults.drainSeconds
        allowInsecure = try container.decodeIfPresent(Bool.self, forKey: .allowInsecure) ?? defaults.allowInsecure
    }
}
