public import Foundation

/// The deliveries of one event to one endpoint, as a value: feed it each attempt's result, do what the
/// returned decision says. It performs no I/O; time comes in as `now` and jitter from the generator
/// it is given, so every rule is tested without a network or a clock.
///
/// The rules, from the Standard Webhooks guidance:
/// - only a 2xx answer delivers; a 3xx is a failure (redirects are never followed);
/// - 410 Gone disables the endpoint: the receiver wants no more events;
/// - after 429 or 503, the next attempt waits at least what `Retry-After` asks (seconds or an HTTP
///   date), bounded by ``maximumRetryAfter``;
/// - any other failure (status, timeout, connection) waits the schedule's next delay, and when the
///   schedule has no attempt left the delivery has failed for good.
///
/// ```swift
/// var delivery = DeliveryStateMachine(schedule: .standard, attemptsMade: row.attempts)
/// let result = await sender.send(message, to: endpoint)
/// switch delivery.attemptFinished(result, now: Date(), using: &random) {
/// case .delivered: outbox.markDelivered(row)
/// case .retry(let delay, let error): outbox.reschedule(row, after: delay, error: error)
/// case .failed(let error): outbox.markFailed(row, error: error)
/// case .disableEndpoint(let error): outbox.disable(endpoint, error: error)
/// }
/// ```
public struct DeliveryStateMachine: Sendable, Hashable {
    /// Where the delivery is.
    public enum State: Sendable, Hashable {
        /// The attempt of this number is to be made.
        case due(attempt: Int)
        /// A 2xx answer came after this many attempts.
        case delivered(attempts: Int)
        /// Every attempt the schedule allows failed; the last error says how.
        case failed(attempts: Int, lastError: String)
        /// The receiver answered 410 Gone: send nothing more to this endpoint.
        case endpointDisabled(attempts: Int, lastError: String)
    }

    /// What to do after an attempt.
    public enum Decision: Sendable, Hashable {
        /// The event was delivered.
        case delivered
        /// Wait this long, then make the next attempt; `error` says what went wrong with this one.
        case retry(after: Duration, error: String)
        /// Give up on the event at this endpoint: the schedule is used up.
        case failed(error: String)
        /// Disable the endpoint (410 Gone): send it no more events.
        case disableEndpoint(error: String)
    }

    /// The longest `Retry-After` honoured by default: 10 hours, the schedule's longest step.
    public static let defaultMaximumRetryAfter: Duration = .seconds(10 * 3600)

    /// When each attempt is made.
    public let schedule: RetrySchedule
    /// The longest wait a `Retry-After` can impose; longer requests are cut to this.
    public let maximumRetryAfter: Duration
    /// Attempts made so far.
    public private(set) var attemptsMade: Int
    /// Where the delivery is.
    public private(set) var state: State

    /// A delivery, new or restored from the attempts a store recorded.
    /// - Parameters:
    ///   - schedule: When each attempt is made. The Standard Webhooks schedule by default.
    ///   - attemptsMade: Attempts already made and failed (0 for a new event).
    ///   - maximumRetryAfter: The longest `Retry-After` honoured.
    public init(
        schedule: RetrySchedule = .standard,
        attemptsMade: Int = 0,
        maximumRetryAfter: Duration = DeliveryStateMachine.defaultMaximumRetryAfter
    ) {
        self.schedule = schedule
        self.maximumRetryAfter = max(maximumRetryAfter, .zero)
        self.attemptsMade = max(attemptsMade, 0)
        if self.attemptsMade < schedule.attemptCount {
            state = .due(attempt: self.attemptsMade + 1)
        } else {
            state = .failed(
                attempts: self.attemptsMade,
                lastError: "all \(schedule.attemptCount) attempts of the retry schedule are used"
            )
        }
    }

    /// Records how an attempt ended and decides what comes next. Once the delivery is over (delivered,
    /// failed, endpoint disabled), further results change nothing and the final decision is repeated.
    ///
    /// - Parameters:
    ///   - result: How the attempt ended.
    ///   - now: The current time, for a `Retry-After` date.
    ///   - random: Where the schedule's jitter comes from.
    /// - Returns: What to do next.
    public mutating func attemptFinished(
        _ result: DeliveryAttemptResult,
        now: Date,
        using random: inout some RandomNumberGenerator
    ) -> Decision {
        switch state {
        case .due:
            break
        case .delivered:
            return .delivered
        case .failed(_, let lastError):
            return .failed(error: lastError)
        case .endpointDisabled(_, let lastError):
            return .disableEndpoint(error: lastError)
        }
        attemptsMade += 1
        if result.isDelivered {
            state = .delivered(attempts: attemptsMade)
            return .delivered
        }
        var error = result.summary
        if case .response(let response) = result, response.status == 410 {
            error = "HTTP 410: the receiver no longer accepts these events, so the endpoint is disabled"
            state = .endpointDisabled(attempts: attemptsMade, lastError: error)
            return .disableEndpoint(error: error)
        }
        guard var delay = schedule.delay(beforeAttempt: attemptsMade + 1, using: &random) else {
            error += " (gave up after \(attemptsMade) attempt\(attemptsMade == 1 ? "" : "s"))"
            state = .failed(attempts: attemptsMade, lastError: error)
            return .failed(error: error)
        }
        if case .response(let response) = result, response.status == 429 || response.status == 503,
            let text = response.retryAfter, let asked = RetryAfter.delay(text, now: now)
        {
            delay = max(delay, min(asked, maximumRetryAfter))
        }
        state = .due(attempt: attemptsMade + 1)
        return .retry(after: delay, error: error)
    }
}
