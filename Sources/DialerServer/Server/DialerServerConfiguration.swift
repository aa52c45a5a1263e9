public import CampaignEngine
import Foundation

/// How `vaani-dialer serve` listens and runs campaigns.
public struct DialerServerConfiguration: Sendable {
    /// The address to bind (default `127.0.0.1`; anything but loopback should sit behind a TLS proxy).
    public var host: String
    /// The port (default 8080; 0 picks a free one).
    public var port: Int
    /// The access token every request but `/healthz` needs.
    public var token: AccessToken
    /// How often the store is looked at for campaigns to run (default 1 s).
    public var pollInterval: Duration
    /// How often a campaign's event stream looks for changes (default 1 s).
    public var eventInterval: Duration
    /// Settings applied when a campaign is started from the API or the dashboard (`serve`'s own
    /// `--concurrency`, `--rate`, …); `nil` fields leave the campaign's values.
    public var startDefaults: SettingsOverrides
    /// Settings applied to every run and never stored (`--call-timeout`, `--poll-interval`,
    /// `--wait-for-balance`).
    public var runSettings: SettingsOverrides
    /// The largest CSV upload accepted, in bytes (default 256 MiB).
    public var maxUploadBytes: Int

    /// Creates a configuration.
    /// - Parameters:
    ///   - host: The address to bind (default `127.0.0.1`).
    ///   - port: The port (default 8080).
    ///   - token: The access token.
    ///   - pollInterval: How often the store is looked at (default 1 s).
    ///   - eventInterval: How often event streams look for changes (default 1 s).
    ///   - startDefaults: Settings applied on start from the API or the dashboard (default none).
    ///   - runSettings: Settings applied to every run (default none).
    ///   - maxUploadBytes: The largest CSV upload accepted (default 256 MiB).
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        token: AccessToken,
        pollInterval: Duration = .seconds(1),
        eventInterval: Duration = .seconds(1),
        startDefaults: SettingsOverrides = SettingsOverrides(),
        runSettings: SettingsOverrides = SettingsOverrides(),
        maxUploadBytes: Int = 256 << 20
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.pollInterval = pollInterval
        self.eventInterval = eventInterval
        self.startDefaults = startDefaults
        self.runSettings = runSettings
        self.maxUploadBytes = maxUploadBytes
    }

    /// Whether ``host`` is a loopback address, reachable from this machine only.
    public var isLoopback: Bool {
        let host = host.lowercased().trimmingCharacters(in: .init(charactersIn: "[]"))
        if host == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
