import Synchronization
/// A validated trigger request.
struct TriggerOrder: Sendable {
    var agentID: String
    var contactNumber: String
    var name: String
    var metadataJSON: String
    var idempotencyKey: String?
    var dndCheckSkipped: Bool
}

/// What a trigger did.
struct TriggerReceipt: Sendable {
    var callID: String
    var agentName: String
    /// True when an earlier call with the same idempotency key was returned instead of placing one.
    var replayed: Bool
}

extension SimulatorCore {
    /// Places a call (or returns the one an idempotency key placed before): agent, DND and wallet
    /// checks, outcome draw, billing and the ledger entry happen in one critical section, so two
    /// concurrent triggers with the same key can never both place a call.
    func trigger(_ order: TriggerOrder, apiKeyIndex key: Int) throws(SimulatorFailure) -> TriggerReceipt {
        let nowNanos = now
        let result = state.withLock { state -> Result<TriggerReceipt, SimulatorFailure> in
            if let idempotencyKey = order.idempotencyKey, let index = state.calls.index(forIdempotencyKey: idempotencyKey) {
                let agent = state.agents[Int(state.calls.calls[index].agentIndex)]
                return .success(.init(callID: state.calls.callID(at: index), agentName: agent.name, replayed: true))
            }
            guard let agentIndex = state.agents.index(of: order.agentID) else {
                return .failure(.invalidField("agent_id", "Agent '\(order.agentID)' not found"))
            }
            if configuration.dndNumbers.contains(order.contactNumber), !order.dndCheckSkipped {
                return .failure(.forbidden("\(order.contactNumber) is registered in the Do-Not-Disturb registry"))
            }
            let price = configuration.pricePerMinute
            let balance = state.balances[key]
            if price > 0, balance < price {
                return .failure(
                    .paymentRequired("Insufficient wallet balance: \(balance) left, a call needs at least \(price)")
                )
            }
            let attempt = state.calls.nextAttempt(for: order.contactNumber)
            var random = SplitMix64(mixing: configuration.seed, stableHash(order.contactNumber), UInt64(attempt))
            var schedule = CallSchedule.draw(using: &random, weights: outcomeWeights)
            let tag = random.next()
            if schedule.outcome.connects, price > 0 {
                // The network cuts a call when the money runs out.
                let affordableMinutes = (balance / price).rounded(.down)
                if Double(schedule.talkMs) > affordableMinutes * 60_000 {
                    schedule.talkMs = Int32(affordableMinutes * 60_000)
                }
                state.balances[key] -= Self.cost(of: schedule, pricePerMinute: price)
            }
            let index = state.calls.place(
                SimulatedCall(
                    tag: tag, contactNumber: order.contactNumber, name: order.name, agentIndex: Int32(agentIndex),
                    createdAtNanos: nowNanos, schedule: schedule, metadataJSON: order.metadataJSON,
                    idempotencyKey: order.idempotencyKey, apiKeyIndex: UInt16(key)
                )
            )
            return .success(.init(callID: state.calls.callID(at: index), agentName: state.agents[agentIndex].name, replayed: false))
        }
        let receipt = try result.get()
        if receipt.replayed { statistics.withLock { $0.idempotentReplays += 1 } }
        return receipt
    }

    /// What a call costs: every started connected minute at the configured price.
    static func cost(of schedule: CallSchedule, pricePerMinute: Double) -> Double {
        guard schedule.outcome.connects else { return 0 }
        return (Double(schedule.talkMs) / 60_000).rounded(.up) * pricePerMinute
    }
}
