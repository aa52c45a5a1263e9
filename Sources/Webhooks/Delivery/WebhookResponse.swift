/// What a receiver answered to one delivery attempt.
public struct WebhookResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The response headers that matter to the next attempt, by lowercased name: `retry-after` and
    /// `location`.
    public var headers: [String: String]
    /// The start of the response body as text, for the delivery log.
    public var bodyExcerpt: String

    /// Creates a response.
    /// - Parameters:
    ///   - status: The HTTP status code.
    ///   - headers: Response headers; names are lowercased.
    ///   - bodyExcerpt: The start of the body.
    public init(status: Int, headers: [String: String] = [:], bodyExcerpt: String = "") {
        self.status = status
        self.headers = Dictionary(
            headers.map { ($0.key.lowercased(), $0.value) },
            uniquingKeysWith: { first, _ in first }
        )
        self.bodyExcerpt = bodyExcerpt
    }

    /// The `Retry-After` header's value.
    public var retryAfter: String? { headers["retry-after"] }
    /// The `Location` header's value.
    public var location: String? { headers["location"] }
}
