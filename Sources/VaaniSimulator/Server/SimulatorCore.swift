import Synchronization

/// The simulator's whole mutable world: calls, agents, sessions and wallets.
struct SimulatorState: Sendable {
    var calls = CallBook()
    var agents = AgentDirectory()
    var sessions = SessionBook()
    /// Balance per API key index.
    var balances: [Double]
    /// Random draws that are not tied to a number (agent ids, session tokens).
    var random: SplitMix64
}

/// Shared by the middleware, the API handlers and the control routes of one simulator.
///
/// State lives behind `Mutex`es rather than in an actor: every operation on it is a short
/// synchronous read or append on the hot path of thousands of requests per second, where an
/// actor hop would cost more than the work itself. Nothing ever awaits while holding a lock.
final class SimulatorCore: Sendable {
    let configuration: SimulatorConfiguration
    let clock: SimulationClock
    let outcomeWeights: OutcomeWeights
    /// API key → index into the wallets and rate-limit buckets.
    let apiKeyIndex: [String: Int]
    /// How long an agent takes to join a WebRTC session after `connect`, in wall nanoseconds.
    let agentJoinNanos: Int64

    let state: Mutex<SimulatorState>
    let statistics = Mutex(RequestStatistics())
    let buckets: Mutex<[TokenBucket?]>
    /// Fault draws follow the request sequence, so the same seed and requests give the same faults.
    let faultRandom: Mutex<SplitMix64>
    /// How many hostile answers were sent, to take their kinds in turn.
    let garbageCount = Mutex(0)

    init(configuration: SimulatorConfiguration, clock: SimulationClock) {
        self.configuration = configuration
        self.clock = clock
        self.outcomeWeights = OutcomeWeights(configuration: configuration)
        let keys = configuration.effectiveAPIKeys
        var index: [String: Int] = [:]
        for key in keys where index[key] == nil { index[key] = index.count }
        self.apiKeyIndex = index
        self.agentJoinNanos = Int64(1.5e9 / configuration.speed)
        var state = SimulatorState(
            balances: Array(repeating: configuration.balance, count: index.count),
            random: SplitMix64(mixing: configuration.seed, 0xA6E7)
        )
        _ = state.agents.add(
            id: SimulatorConfiguration.demoAgentID,
            displayName: SimulatorConfiguration.demoAgentName,
            config: [
                "persona": ["name": "Asha", "language": "hi"] as [String: (any Sendable)?],
                "training": ["company": "Vaani Demo Co."] as [String: (any Sendable)?],
            ],
            at: 0
        )
        self.state = Mutex(state)
        self.buckets = Mutex(Array(repeating: nil, count: index.count))
        self.faultRandom = Mutex(SplitMix64(mixing: configuration.seed, 0xFA17))
    }

    /// Nanoseconds since start on the injected clock.
    var now: Int64 { clock.elapsedNanoseconds }

    /// Nominal (uncompressed) milliseconds between a call's trigger and a moment.
    func nominalMs(since createdAtNanos: Int64, until nowNanos: Int64) -> Int64 {
        Int64(Double(max(0, nowNanos - createdAtNanos)) / 1e6 * configuration.speed)
    }

    /// Wall nanoseconds of a nominal span in milliseconds.
    func wallNanos(ofNominalMs ms: Int64) -> Int64 { Int64(Double(ms) * 1e6 / configuration.speed) }

    /// Takes a rate-limit token for a key.
    func admit(apiKeyIndex key: Int) throws(SimulatorFailure) {
        guard configuration.rateLimit > 0 else { return }
        let nowNanos = now
        let decision = buckets.withLock { buckets -> TokenBucket.Decision in
            let capacity = configuration.burst > 0 ? configuration.burst : Int(configuration.rateLimit.rounded(.up))
            var bucket = buckets[key] ?? TokenBucket(rate: configuration.rateLimit, capacity: capacity, nowNanos: nowNanos)
            let decision = bucket.take(atNanos: nowNanos)
            buckets[key] = bucket
            return decision
        }
        if case .reject(let retryAfterNanos) = decision {
            throw .rateLimited(retryAfterSeconds: max(1, Int((Double(retryAfterNanos) / 1e9).rounded(.up))))
        }
    }
}

/// The API key of the request being handled, set by the authentication middleware so that the
/// generated handlers (which only see declared parameters) know whose wallet to charge.
enum RequestCaller {
    @TaskLocal static var apiKeyIndex = 0
}
