public import CampaignStore
public import Foundation
public import Logging
public import Webhooks

/// Delivers a campaign's webhook events from its outbox: reads the due deliveries, sends them with a
/// bounded number in flight per endpoint, lets ``DeliveryStateMachine`` decide what each result means,
/// and records it. Every delivery that is not recorded as done stays in the outbox, so a killed
/// process loses nothing: the next run sends it again, with the same id and body.
///
/// ```swift
/// try await WebhookSender.withSender { sender in
///     let dispatcher = WebhookDispatcher(outbox: store, campaignID: id, endpoints: endpoints, sender: sender)
///     try await dispatcher.deliverUntilNothingIsDue()
/// }
/// ```
public struct WebhookDispatcher: Sendable {
    /// The outbox.
    public let outbox: any WebhookOutbox
    /// The campaign whose events are delivered.
    public let campaignID: Int64
    /// The endpoints with their secrets, by URL as the outbox stores it.
    public let endpoints: [String: WebhookEndpoint]
    /// How deliveries are made.
    public let configuration: WebhookDispatcherConfiguration
    let sender: WebhookSender
    let now: @Sendable () -> Date
    let logger: Logger

    /// Creates a dispatcher.
    /// - Parameters:
    ///   - outbox: Where events wait and deliveries are recorded.
    ///   - campaignID: The campaign.
    ///   - endpoints: The endpoints that can be signed for, by URL; deliveries to others wait.
    ///   - sender: The sender, alive for as long as the dispatcher is used.
    ///   - configuration: The retry schedule and limits.
    ///   - now: The wall clock deliveries are recorded with.
    ///   - logger: Where deliveries are logged, without secrets or bodies.
    public init(
        outbox: any WebhookOutbox,
        campaignID: Int64,
        endpoints: [String: WebhookEndpoint],
        sender: WebhookSender,
        configuration: WebhookDispatcherConfiguration = WebhookDispatcherConfiguration(),
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "vaani.webhooks", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.outbox = outbox
        self.campaignID = campaignID
        self.endpoints = endpoints
        self.sender = sender
        self.configuration = configuration
        self.now = now
        self.logger = logger
    }

    /// Makes one attempt of every delivery due now (up to the batch size): endpoints in parallel, each
    /// with at most the sender's limit in flight.
    /// - Returns: How many attempts were made and recorded.
    @discardableResult
    public func deliverDue() async throws -> Int {
        let due = try await outbox.dueDeliveries(ofCampaign: campaignID, now: now(), limit: configuration.batchSize)
        let byEndpoint = Dictionary(grouping: due.filter { endpoints[$0.endpoint.url] != nil }, by: \.endpoint.id)
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for deliveries in byEndpoint.values {
                guard let first = deliveries.first, let endpoint = endpoints[first.endpoint.url] else { continue }
                group.addTask { try await deliver(deliveries, to: endpoint) }
            }
            var made = 0
            for try await count in group { made += count }
            return made
        }
    }

    /// Sends one endpoint's deliveries and records each result as it comes.
    private func deliver(_ deliveries: [PendingDelivery], to endpoint: WebhookEndpoint) async throws -> Int {
        var attempts: [String: Int] = [:]
        for delivery in deliveries { attempts[delivery.event.id] = delivery.attempts }
        let messages = deliveries.map { WebhookMessage(id: $0.event.id, type: $0.event.type, body: $0.event.body) }
        let endpointID = deliveries[0].endpoint.id
        var recorded = 0
        var failure: (any Error)?
        var random = SystemRandomNumberGenerator()
        await sender.send(messages, to: endpoint) { message, result in
            // A delivery cut short by shutting down is not an attempt: it stays due as it was.
            guard !Task.isCancelled, failure == nil else { return }
            var machine = DeliveryStateMachine(
                schedule: configuration.schedule, attemptsMade: attempts[message.id] ?? 0)
            let time = now()
            let decision = machine.attemptFinished(result, now: time, using: &random)
            let record = Self.record(decision, of: result, at: time)
            do {
                try await outbox.recordDelivery(eventID: message.id, endpointID: endpointID, record)
                recorded += 1
            } catch {
                failure = error
            }
            logger.debug(
                "Webhook delivery: \(result.summary)",
                metadata: [
                    "webhook.id": "\(message.id)", "webhook.type": "\(message.type)",
                    "webhook.endpoint": "\(endpoint)",
                ])
        }
        if let failure { throw failure }
        return recorded
    }

    /// What the store records for a decision.
    static func record(_ decision: DeliveryStateMachine.Decision, of result: DeliveryAttemptResult, at time: Date)
        -> DeliveryRecord
    {
        var status: Int?
        if case .response(let response) = result { status = response.status }
        switch decision {
        case .delivered:
            return .delivered(at: time, status: status ?? 200)
        case .retry(let delay, let error):
            let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
            return .retry(at: time, retryAt: time.addingTimeInterval(seconds), status: status, error: error)
        case .failed(let error):
            return .failed(at: time, status: status, error: error)
        case .disableEndpoint(let error):
            return .endpointGone(at: time, status: status ?? 410, error: error)
        }
    }

    /// Delivers until the task is cancelled: what is due now, then sleeps until the next delivery is
    /// due or the idle poll interval has passed, whichever comes first.
    public func run() async throws {
        while !Task.isCancelled {
            let made = try await deliverDue()
            if made > 0 { continue }
            var wait = configuration.idlePollInterval
            if let next = try await outbox.nextDeliveryDate(ofCampaign: campaignID) {
                let until = next.timeIntervalSince(now())
                if until > 0 { wait = min(wait, .milliseconds(Int64((until * 1000).rounded(.up)))) }
            }
            do {
                try await Task.sleep(for: wait)
            } catch {
                return
            }
        }
    }

    /// Delivers what is due, again and again, until nothing is due now or `limit` has passed.
    /// - Parameter limit: The longest time to keep going; `nil` for no limit.
    /// - Returns: How many deliveries are still pending (due now or later).
    @discardableResult
    public func deliverUntilNothingIsDue(within limit: Duration? = nil) async throws -> Int {
        let clock = ContinuousClock()
        let deadline = limit.map { clock.now.advanced(by: $0) }
        while !Task.isCancelled {
            if let deadline, clock.now >= deadline { break }
            guard try await hasDueDeliveryForKnownEndpoint() else { break }
            let made = try await deliverDue()
            if made == 0 { break }
        }
        return try await pendingCount()
    }

    /// Deliveries still to make, due now or later, to every endpoint.
    public func pendingCount() async throws -> Int {
        try await outbox.deliveryTotals(ofCampaign: campaignID).reduce(0) { $0 + $1.pending }
    }

    private func hasDueDeliveryForKnownEndpoint() async throws -> Bool {
        let due = try await outbox.dueDeliveries(ofCampaign: campaignID, now: now(), limit: configuration.batchSize)
        return due.contains { endpoints[$0.endpoint.url] != nil }
    }

    /// Runs `body` with the dispatcher delivering beside it; when `body` ends, delivery stops (what
    /// is in flight is left due, not counted as an attempt).
    /// - Parameter body: The work to run beside deliveries, e.g. the campaign.
    /// - Returns: What `body` returns.
    public func deliveringBeside<Value: Sendable>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Value
    ) async throws -> Value {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await run()
                } catch {
                    logger.warning("Webhook deliveries stopped: \(error)")
                }
            }
            let result: Result<Value, any Error>
            do {
                result = .success(try await body())
            } catch {
                result = .failure(error)
            }
            group.cancelAll()
            try? await group.waitForAll()
            return try result.get()
        }
    }
}
