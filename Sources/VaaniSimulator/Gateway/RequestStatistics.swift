/// What `/_sim/stats` reports: requests by route and status code, and calls placed.
public struct SimulatorStats: Sendable, Codable, Equatable {
    /// Requests served, by route (`POST /api/trigger-call/`) and then by status code (`"200"`).
    public var requests: [String: [String: Int]]
    /// Calls placed (ledger entries).
    public var callsPlaced: Int
    /// Triggers answered from an earlier call because their `Idempotency-Key` repeated.
    public var idempotentReplays: Int
    /// Faults injected, by mode (`error`, `ambiguous`, `hang`, `drop`).
    public var faults: [String: Int]

    /// Creates statistics.
    /// - Parameters:
    ///   - requests: Requests by route and status.
    ///   - callsPlaced: Calls placed.
    ///   - idempotentReplays: Replayed triggers.
    ///   - faults: Faults by mode.
    public init(requests: [String: [String: Int]], callsPlaced: Int, idempotentReplays: Int, faults: [String: Int]) {
        self.requests = requests
        self.callsPlaced = callsPlaced
        self.idempotentReplays = idempotentReplays
        self.faults = faults
    }

    /// Requests to a route with a status, `0` when none.
    /// - Parameters:
    ///   - route: The route, e.g. `POST /api/trigger-call/`.
    ///   - status: The HTTP status code.
    public func count(_ route: String, status: Int) -> Int { requests[route]?[String(status)] ?? 0 }

    /// All requests with a status, over every route.
    public func count(status: Int) -> Int { requests.values.reduce(0) { $0 + ($1[String(status)] ?? 0) } }

    enum CodingKeys: String, CodingKey {
        case requests
        case callsPlaced = "calls_placed"
        case idempotentReplays = "idempotent_replays"
        case faults
    }
}

/// The running counters behind ``SimulatorStats``.
struct RequestStatistics: Sendable {
    private var requests: [String: [Int: Int]] = [:]
    var idempotentReplays = 0
    private var faults: [String: Int] = [:]

    mutating func record(route: String, status: Int) { requests[route, default: [:]][status, default: 0] += 1 }
    mutating func recordFault(_ mode: String) { faults[mode, default: 0] += 1 }

    func snapshot(callsPlaced: Int) -> SimulatorStats {
        SimulatorStats(
            requests: requests.mapValues { Dictionary(uniqueKeysWithValues: $0.map { (String($0.key), $0.value) }) },
            callsPlaced: callsPlaced,
            idempotentReplays: idempotentReplays,
            faults: faults
        )
    }
}
