import Crypto
public import Foundation

/// Signs webhook requests the Standard Webhooks way (v1, HMAC-SHA256) and verifies them.
///
/// The signed content is `id.timestamp.body`; the `webhook-signature` header holds one
/// `v1,<base64 HMAC>` entry per secret, separated by spaces, so that a receiver keeps verifying while
/// its secret is rotated: sign with the new secret and the old one until the receiver has switched.
///
/// ```swift
/// let signer = WebhookSigner(secrets: [newSecret, oldSecret])
/// let headers = signer.headers(id: message.id, timestamp: now, body: message.body)
/// // webhook-signature: v1,K5oZ… v1,Ceo5…
/// ```
public struct WebhookSigner: Sendable {
    /// The secrets, each of which signs every request; the first is the current one.
    public let secrets: [WebhookSecret]

    /// Creates a signer.
    /// - Parameter secrets: One secret, or several while a secret is being rotated. Repeated secrets
    ///   sign once.
    public init(secrets: [WebhookSecret]) {
        var unique: [WebhookSecret] = []
        for secret in secrets where !unique.contains(secret) { unique.append(secret) }
        self.secrets = unique
    }

    /// Creates a signer with one secret.
    /// - Parameter secret: The secret.
    public init(secret: WebhookSecret) {
        self.init(secrets: [secret])
    }

    /// The `webhook-signature` value for one attempt.
    /// - Parameters:
    ///   - id: The event's id (`webhook-id`).
    ///   - timestamp: The attempt's time in whole seconds since 1970 (`webhook-timestamp`).
    ///   - body: The exact bytes of the request body.
    /// - Returns: `v1,<base64>` per secret, separated by spaces.
    public func signature(id: String, timestamp: Int64, body: some Collection<UInt8>) -> String {
        let content = Self.signedContent(id: id, timestamp: timestamp, body: body)
        return secrets.map { secret in
            let code = HMAC<SHA256>.authenticationCode(for: content, using: secret.key)
            return "v1," + Data(code).base64EncodedString()
        }.joined(separator: " ")
    }

    /// The three headers of one attempt, signed at `timestamp`.
    /// - Parameters:
    ///   - id: The event's id.
    ///   - timestamp: When the attempt is made; whole seconds are signed.
    ///   - body: The exact bytes of the request body.
    public func headers(id: String, timestamp: Date, body: some Collection<UInt8>) -> WebhookHeaders {
        let seconds = Int64(timestamp.timeIntervalSince1970.rounded(.down))
        return WebhookHeaders(id: id, timestamp: seconds, signature: signature(id: id, timestamp: seconds, body: body))
    }

    /// `id.timestamp.body` as bytes.
    static func signedContent(id: String, timestamp: Int64, body: some Collection<UInt8>) -> [UInt8] {
        var content = Array(id.utf8)
        content.append(UInt8(ascii: "."))
        content.append(contentsOf: String(timestamp).utf8)
        content.append(UInt8(ascii: "."))
        content.append(contentsOf: body)
        return content
    }
}
