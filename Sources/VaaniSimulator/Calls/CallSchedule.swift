/// When a call's phases begin and end, in nominal (uncompressed) milliseconds after the trigger.
/// Four small integers instead of timers: a call's status is computed from its schedule whenever
/// it is read, so a million calls cost no tasks and little memory.
struct CallSchedule: Sendable, Equatable {
    /// Time in the dialing queue before the phone rings.
    var queueMs: Int32
    /// Ringing time (for unconnected outcomes: until the network gives up).
    var ringMs: Int32
    /// Talk time once connected; zero when the call never connects.
    var talkMs: Int32
    /// How the call ends.
    var outcome: CallOutcome

    /// Total nominal length from trigger to end.
    var totalMs: Int64 { Int64(queueMs) + Int64(ringMs) + Int64(talkMs) }

    /// The status at a nominal time after the trigger.
    func phase(atNominalMs elapsed: Int64) -> CallPhase {
        if elapsed < Int64(queueMs) { return .queued }
        if elapsed < Int64(queueMs) + Int64(ringMs) { return .ringing }
        if outcome.connects, elapsed < totalMs {
            return .inProgress(talkedMs: elapsed - Int64(queueMs) - Int64(ringMs))
        }
        return .ended(outcome)
    }

    /// Draws a schedule. The ranges are typical of outbound telephony: a few seconds to ring,
    /// half a minute to four minutes of talk, 30–45 s before an unanswered call gives up.
    static func draw(using random: inout SplitMix64, weights: OutcomeWeights) -> CallSchedule {
        func uniform(_ range: ClosedRange<Int32>) -> Int32 {
            range.lowerBound + Int32(random.nextUnit() * Double(range.upperBound - range.lowerBound))
        }
        let outcome = weights.draw(random.nextUnit())
        let queueMs = uniform(300...1_500)
        switch outcome {
        case .completed:
            return .init(queueMs: queueMs, ringMs: uniform(3_000...15_000), talkMs: uniform(30_000...240_000), outcome: outcome)
        case .voicemail:
            return .init(queueMs: queueMs, ringMs: uniform(20_000...30_000), talkMs: uniform(15_000...40_000), outcome: outcome)
        case .noAnswer:
            return .init(queueMs: queueMs, ringMs: uniform(30_000...45_000), talkMs: 0, outcome: outcome)
        case .busy:
            return .init(queueMs: queueMs, ringMs: uniform(1_000...3_000), talkMs: 0, outcome: outcome)
        case .failed:
            return .init(queueMs: queueMs, ringMs: uniform(0...2_000), talkMs: 0, outcome: outcome)
        }
    }
}

/// Where a call is in its lifecycle.
enum CallPhase: Sendable, Equatable {
    case queued
    case ringing
    case inProgress(talkedMs: Int64)
    case ended(CallOutcome)

    /// The `call_status` of the contract.
    var status: String {
        switch self {
        case .queued: "queued"
        case .ringing: "ringing"
        case .inProgress: "in_progress"
        case .ended(let outcome): outcome.finalStatus
        }
    }
}

/// The relative weights of the outcomes, normalised to cumulative thresholds.
struct OutcomeWeights: Sendable {
    private let thresholds: [(CallOutcome, Double)]
    private let fallback: CallOutcome

    init(configuration: SimulatorConfiguration) {
        let weights: [(CallOutcome, Double)] = [
            (.completed, configuration.answerRate), (.noAnswer, configuration.noAnswerRate),
            (.busy, configuration.busyRate), (.failed, configuration.failRate),
            (.voicemail, configuration.voicemailRate),
        ]
        fallback = weights.last(where: { $0.1 > 0 })?.0 ?? .completed
        let total = max(weights.map(\.1).reduce(0, +), .leastNonzeroMagnitude)
        var running = 0.0
        thresholds = weights.map { outcome, weight in
            running += weight / total
            return (outcome, running)
        }
    }

    /// The outcome for a uniform draw in `0..<1`.
    func draw(_ unit: Double) -> CallOutcome {
        for (outcome, threshold) in thresholds where unit < threshold { return outcome }
        return fallback
    }
}
