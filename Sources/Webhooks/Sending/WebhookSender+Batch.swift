extension WebhookSender {
    /// Sends several messages to one endpoint, at most
    /// ``WebhookSenderConfiguration/maximumConcurrentDeliveriesPerEndpoint`` at a time, and reports each
    /// result as it comes.
    ///
    /// One in, one out: the first messages fill the limit, and each finished delivery lets the next
    /// one start. `onResult` runs on the caller, one result at a time, in the order they finish.
    ///
    /// - Parameters:
    ///   - messages: The messages, started in this order.
    ///   - endpoint: Where to post them.
    ///   - isolation: The caller's actor, on which `onResult` runs.
    ///   - onResult: What to do with each message's result (record it, decide its next attempt).
    public func send(
        _ messages: [WebhookMessage],
        to endpoint: WebhookEndpoint,
        isolation: isolated (any Actor)? = #isolation,
        onResult: (WebhookMessage, DeliveryAttemptResult) async -> Void
    ) async {
        let limit = configuration.maximumConcurrentDeliveriesPerEndpoint
        await withTaskGroup(of: (WebhookMessage, DeliveryAttemptResult).self) { group in
            var pending = messages[...]
            var inFlight = 0
            while !pending.isEmpty || inFlight > 0 {
                while inFlight < limit, !Task.isCancelled, let message = pending.popFirst() {
                    group.addTask { (message, await self.send(message, to: endpoint)) }
                    inFlight += 1
                }
                if Task.isCancelled { pending.removeAll() }
                guard let finished = await group.next() else { break }
                inFlight -= 1
                await onResult(finished.0, finished.1)
            }
        }
    }
}
