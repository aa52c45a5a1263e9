/// Why a trigger request did not return a call id, classified by what the dialer must do about it.
public enum TriggerFailure: Sendable, Hashable {
    /// HTTP 401: the API key is wrong. Stop the whole run at once.
    case authentication(message: String)
    /// HTTP 402: the wallet is empty. Nothing was placed; pause the campaign.
    case insufficientBalance(message: String)
    /// HTTP 403: the destination is in the Do-Not-Disturb registry or not allowed for this key.
    case forbidden(message: String)
    /// HTTP 422: the API rejected the request's fields.
    case validation(message: String)
    /// HTTP 429: too many requests. Nothing was placed; back off and retry the same contact.
    case rateLimited(retryAfter: Duration?)
    /// The connection was never established, so nothing was sent: retry with backoff.
    case notSent(message: String)
    /// A timeout, a 5xx, a dropped connection or an unreadable answer: the call may have been placed.
    case ambiguous(message: String)
}

extension TriggerFailure: Error {}
