/// How ``WebhookSender`` sends: timeouts, concurrency and what it keeps of the answers.
public struct WebhookSenderConfiguration: Sendable, Hashable {
    /// How long one delivery may take, from connecting to the end of the answer: 15 s by default,
    /// within the 15–30 s Standard Webhooks recommends.
    public var timeout: Duration
    /// How long establishing a connection may take, within ``timeout``.
    public var connectTimeout: Duration
    /// How many deliveries to one endpoint may be in flight at once.
    public var maximumConcurrentDeliveriesPerEndpoint: Int
    /// How many bytes of an answer's body are kept, as text, for the delivery log. (A pre-dial check
    /// reads up to 16 KiB of its answer to decide, and keeps this much of it in an error.)
    public var responseExcerptBytes: Int
    /// The `user-agent` header of every request.
    public var userAgent: String

    /// Creates a configuration.
    /// - Parameters:
    ///   - timeout: The limit of one delivery, 15 s by default.
    ///   - connectTimeout: The limit of connecting, 10 s by default.
    ///   - maximumConcurrentDeliveriesPerEndpoint: Deliveries in flight per endpoint, 4 by default
    ///     (at least 1).
    ///   - responseExcerptBytes: The bytes of an answer kept, 512 by default.
    ///   - userAgent: The `user-agent` header.
    public init(
        timeout: Duration = .seconds(15),
        connectTimeout: Duration = .seconds(10),
        maximumConcurrentDeliveriesPerEndpoint: Int = 4,
        responseExcerptBytes: Int = 512,
        userAgent: String = "vaani-dialer-webhooks/1"
    ) {
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.maximumConcurrentDeliveriesPerEndpoint = max(1, maximumConcurrentDeliveriesPerEndpoint)
        self.responseExcerptBytes = max(0, responseExcerptBytes)
        self.userAgent = userAgent
    }
}
