/// A webhook setting that cannot be used, or a delivery that did not check out: a secret, a retry
/// schedule, an endpoint URL, a signature, an event body.
///
/// Compare with the static members to tell the cases apart; two errors of the same case are equal
/// whatever their details. ``message`` says what is wrong and how to fix it, and never contains a
/// secret.
///
/// ```swift
/// do {
///     secret = try WebhookSecret(parsing: text)
/// } catch let error as WebhookError where error == .invalidSecret {
///     print("--webhook-secret-file \(path): \(error)")
/// }
/// ```
public struct WebhookError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Sendable, Hashable {
        case invalidSecret
        case invalidRetrySchedule
        case invalidURL
        case insecureURL
        case invalidSignature
        case invalidEvent
    }

    private let code: Code
    /// What is wrong and what is expected, in words.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// A secret that is not `whsec_` followed by the base64 of 24 to 64 bytes.
    public static let invalidSecret = WebhookError(.invalidSecret, "not a webhook secret")
    /// A retry schedule that is not a comma-separated list of delays such as `0s,5s,5m`.
    public static let invalidRetrySchedule = WebhookError(.invalidRetrySchedule, "not a retry schedule")
    /// An endpoint that is not an absolute `https://` (or `http://`) URL.
    public static let invalidURL = WebhookError(.invalidURL, "not a webhook URL")
    /// A plain `http://` endpoint on another machine, without `allowInsecure`.
    public static let insecureURL = WebhookError(.insecureURL, "refusing plain http:// to another machine")
    /// A request whose Standard Webhooks headers are missing, malformed, too old or too new, or whose
    /// signatures do not match the body.
    public static let invalidSignature = WebhookError(.invalidSignature, "the webhook signature does not verify")
    /// A body that is not a webhook event this version knows.
    public static let invalidEvent = WebhookError(.invalidEvent, "not a webhook event")

    /// The same case with a message that says exactly what is wrong.
    func with(_ message: String) -> WebhookError {
        WebhookError(code, message)
    }

    /// The message.
    public var description: String { message }

    /// Whether both are the same case, whatever their messages.
    public static func == (lhs: WebhookError, rhs: WebhookError) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the case only, as `==` compares it.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
