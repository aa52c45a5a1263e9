import Crypto
public import Foundation

extension WebhookSigner {
    /// How far a request's timestamp may be from the verifier's clock, as the Standard Webhooks
    /// libraries allow: 5 minutes.
    public static let defaultTolerance: Duration = .seconds(300)

    /// Checks that a request was signed by one of ``secrets`` and recently.
    ///
    /// The request verifies when any `v1` entry of its `webhook-signature` header matches the HMAC of
    /// any secret (compared in constant time); other versions (`v1a`, `v2`) are skipped.
    ///
    /// - Parameters:
    ///   - headers: The request's `webhook-id`, `webhook-timestamp` and `webhook-signature`.
    ///   - body: The exact bytes of the request body, before any JSON parsing.
    ///   - now: The verifier's current time.
    ///   - tolerance: How far the timestamp may be from `now`, either way.
    /// - Throws: ``WebhookError/invalidSignature`` saying whether the timestamp is too old or too new,
    ///   or no signature matched.
    public func verify(
        _ headers: WebhookHeaders,
        body: some Collection<UInt8>,
        now: Date,
        tolerance: Duration = WebhookSigner.defaultTolerance
    ) throws {
        let nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let toleranceSeconds = tolerance.components.seconds
        if headers.timestamp < nowSeconds - toleranceSeconds {
            throw WebhookError.invalidSignature.with(
                "the \(WebhookHeaders.timestampName) is \(nowSeconds - headers.timestamp) s old, more than the "
                    + "\(toleranceSeconds) s allowed"
            )
        }
        if headers.timestamp > nowSeconds + toleranceSeconds {
            throw WebhookError.invalidSignature.with(
                "the \(WebhookHeaders.timestampName) is \(headers.timestamp - nowSeconds) s in the future, more "
                    + "than the \(toleranceSeconds) s allowed"
            )
        }
        let content = Self.signedContent(id: headers.id, timestamp: headers.timestamp, body: body)
        for entry in headers.signature.split(separator: " ", omittingEmptySubsequences: true) {
            guard let comma = entry.firstIndex(of: ","), entry[..<comma] == "v1",
                let code = Data(base64Encoded: String(entry[entry.index(after: comma)...]))
            else { continue }
            for secret in secrets
            where HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: content, using: secret.key) {
                return
            }
        }
        throw WebhookError.invalidSignature.with(
            "no v1 entry of the \(WebhookHeaders.signatureName) header matches the body with the "
                + (secrets.count == 1 ? "secret" : "\(secrets.count) secrets")
        )
    }
}
