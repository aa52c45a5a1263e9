/// How one delivery attempt ended, as ``WebhookSender`` reports it and ``DeliveryStateMachine``
/// consumes it.
public enum DeliveryAttemptResult: Sendable, Hashable {
    /// The receiver answered (any status, redirects included: they are never followed).
    case response(WebhookResponse)
    /// No answer came within the request timeout.
    case timedOut(after: Duration)
    /// The connection could not be made or broke before an answer (refused, reset, TLS, DNS).
    case connectionFailed(String)

    /// Whether the attempt delivered the event: a 2xx answer, and nothing else.
    public var isDelivered: Bool {
        if case .response(let response) = self { return (200...299).contains(response.status) }
        return false
    }

    /// The attempt in words, for the delivery log: `HTTP 500: upstream failed`, `timed out after 15s`.
    public var summary: String {
        switch self {
        case .response(let response):
            var text = "HTTP \(response.status)"
            if (300...399).contains(response.status) {
                text += ": redirects are not followed"
                if let location = response.location { text += " (it points to \(location))" }
                text += "; set the webhook URL to where the endpoint is now"
            } else if !response.bodyExcerpt.isEmpty {
                text += ": " + response.bodyExcerpt
            }
            return text
        case .timedOut(let timeout):
            return "timed out after \(timeout.shortText)"
        case .connectionFailed(let reason):
            return "connection failed: \(reason)"
        }
    }
}
