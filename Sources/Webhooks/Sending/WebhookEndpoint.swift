public import Foundation

/// Where a campaign's events go and how they are signed: a URL and one secret, or two while the
/// secret is rotated.
///
/// Creating one applies the product's rule for plain HTTP: `https://` anywhere, `http://` only to this
/// machine (loopback) unless the user passed `--allow-insecure`, because events carry contacts'
/// numbers, names and call summaries.
///
/// ```swift
/// let endpoint = try WebhookEndpoint(url: "https://crm.example.com/hooks/vaani", secrets: [secret])
/// ```
public struct WebhookEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// The URL events are posted to.
    public let url: URL
    /// The signer holding the endpoint's secrets.
    public let signer: WebhookSigner

    /// Checks and creates an endpoint.
    /// - Parameters:
    ///   - url: The URL as the user gave it.
    ///   - secrets: The secret, or the new and the old one during a rotation; each signs every request.
    ///   - allowInsecure: Whether plain `http://` to another machine is allowed (`--allow-insecure`).
    ///   - origin: Where the URL came from (`--webhook-url`, a campaign file's field), for messages.
    /// - Throws: ``WebhookError/invalidURL`` or ``WebhookError/insecureURL`` saying what is wrong and
    ///   how to fix it; ``WebhookError/invalidSecret`` when no secret is given.
    public init(url: String, secrets: [WebhookSecret], allowInsecure: Bool = false, origin: String = "--webhook-url")
        throws
    {
        self.url = try EndpointURLPolicy.check(url, origin: origin, allowInsecure: allowInsecure)
        guard !secrets.isEmpty else {
            throw WebhookError.invalidSecret.with("\(origin): a webhook endpoint needs a secret to sign with")
        }
        signer = WebhookSigner(secrets: secrets)
    }

    /// The URL without its path and query, which may hold a token: `https://crm.example.com/…`.
    public var description: String {
        EndpointURLPolicy.redacted(url)
    }

    /// Whether both have the same URL and secrets.
    public static func == (lhs: WebhookEndpoint, rhs: WebhookEndpoint) -> Bool {
        lhs.url == rhs.url && lhs.signer.secrets == rhs.signer.secrets
    }
}
