public import Webhooks

/// How a ``WebhookDispatcher`` delivers: the retry schedule and how much it takes on at once.
public struct WebhookDispatcherConfiguration: Sendable {
    /// When each attempt of a delivery is made.
    public var schedule: RetrySchedule
    /// The most deliveries read from the outbox at once.
    public var batchSize: Int
    /// The longest wait between two looks at the outbox while nothing is due: events written by the
    /// campaign meanwhile are seen within this time.
    public var idlePollInterval: Duration

    /// Creates a configuration.
    /// - Parameters:
    ///   - schedule: The retry schedule, the Standard Webhooks one by default.
    ///   - batchSize: Deliveries read at once, 256 by default (at least 1).
    ///   - idlePollInterval: The longest idle wait, 500 ms by default.
    public init(
        schedule: RetrySchedule = .standard,
        batchSize: Int = 256,
        idlePollInterval: Duration = .milliseconds(500)
    ) {
        self.schedule = schedule
        self.batchSize = max(1, batchSize)
        self.idlePollInterval = idlePollInterval
    }
}
