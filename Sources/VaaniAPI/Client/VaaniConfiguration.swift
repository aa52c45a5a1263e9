public import Foundation

/// How a ``VaaniClient`` reaches the Vaani API.
///
/// ```swift
/// var configuration = VaaniConfiguration(apiKey: ProcessInfo.processInfo.environment["VAANI_API_KEY"] ?? "")
/// configuration.maxConnections = 64
/// ```
///
/// The API key never appears in `description`, `debugDescription` or a `dump`.
public struct VaaniConfiguration: Sendable {
    /// The production API.
    public static let productionBaseURL = URL(string: "https://api.vaanivoice.ai")!

    /// The API key sent as `X-API-Key` on every request; keys look like `vaani_<32 hex digits>`.
    public var apiKey: String
    /// The API's base URL; `https://api.vaanivoice.ai` unless overridden (e.g. the local simulator).
    public var baseURL: URL
    /// The longest a request may wait for its answer to begin; while a body streams (audio), the longest
    /// pause between two of its bytes. A request that runs out of it fails with kind `timeout`.
    public var timeout: Duration
    /// The longest the client waits for a connection to be established.
    public var connectTimeout: Duration
    /// When the client retries by itself.
    public var retryPolicy: RetryPolicy
    /// The most HTTP/1.1 connections kept open to the API host; size it to the number of concurrent
    /// requests (AsyncHTTPClient's default of 8 starves a dialer running dozens of calls at once).
    public var maxConnections: Int
    /// The most bytes of one JSON answer the client reads. A longer answer (a misbehaving server or
    /// proxy) fails with kind `unexpected` instead of filling memory; streamed audio is not limited.
    /// 16 MiB unless changed.
    public var maxResponseBytes: Int

    /// Creates a configuration.
    /// - Parameters:
    ///   - apiKey: The API key.
    ///   - baseURL: The API's base URL.
    ///   - timeout: The longest to wait for an answer to begin, or between bytes of a body (default 120 s).
    ///   - connectTimeout: The longest to wait for a connection (default 10 s).
    ///   - retryPolicy: When the client retries by itself.
    ///   - maxConnections: The most connections kept open to the API host (default 64).
    public init(
        apiKey: String,
        baseURL: URL = VaaniConfiguration.productionBaseURL,
        timeout: Duration = .seconds(120),
        connectTimeout: Duration = .seconds(10),
        retryPolicy: RetryPolicy = .default,
        maxConnections: Int = 64
    ) {
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.retryPolicy = retryPolicy
        self.maxConnections = max(1, maxConnections)
        self.maxResponseBytes = 16 << 20
    }

    /// The key as it may be shown: its prefix and its last four characters, e.g. `vaani_…cdef`.
    public var redactedAPIKey: String {
        guard apiKey.count > 12 else { return "<redacted>" }
        let prefix = apiKey.hasPrefix("vaani_") ? "vaani_" : ""
        return prefix + "…" + apiKey.suffix(4)
    }
}

extension VaaniConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The configuration with its API key redacted.
    public var description: String {
        "VaaniConfiguration(baseURL: \(baseURL.absoluteString), apiKey: \(redactedAPIKey), timeout: \(timeout), "
            + "connectTimeout: \(connectTimeout), maxConnections: \(maxConnections), "
            + "retryPolicy: \(retryPolicy.maxAttempts) attempts)"
    }

    /// The same as ``description``: the API key stays redacted.
    public var debugDescription: String { description }

    /// A mirror without the API key, so `dump` and `print` of containing values do not show it.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "baseURL": baseURL,
                "apiKey": redactedAPIKey,
                "timeout": timeout,
                "connectTimeout": connectTimeout,
                "retryPolicy": retryPolicy,
                "maxConnections": maxConnections,
            ]
        )
    }
}
