/// Everything that shapes a simulator run: where it listens, who may call it, how calls turn out,
/// how the wallet and the rate limit behave, and which faults it injects.
///
/// Every parameter has a default, so `SimulatorConfiguration()` is a well-behaved simulator that
/// answers most calls, never faults, never rate-limits and never runs out of money:
///
/// ```swift
/// let chaos = SimulatorConfiguration(seed: 7, speed: 600, rateLimit: 20, burst: 5, errorRate: 0.05)
/// ```
public struct SimulatorConfiguration: Sendable {
    /// The host to bind, `127.0.0.1` by default.
    public var host: String
    /// The TCP port; `0` lets the system pick a free one.
    public var port: Int
    /// The accepted `X-API-Key` values; with none, only ``demoAPIKey`` is accepted.
    public var apiKeys: [String]
    /// The seed of every random draw, so the same seed and request sequence give the same outcomes.
    public var seed: UInt64
    /// Time compression: ring and talk times are divided by this factor (60 makes a minute last a second).
    public var speed: Double
    /// Requests per second allowed per API key (token bucket refill rate); `0` means unlimited.
    public var rateLimit: Double
    /// Bucket capacity: how many requests a key may send at once; `0` means one second's worth.
    public var burst: Int
    /// The starting wallet balance of every API key.
    public var balance: Double
    /// What one connected minute costs; a trigger that cannot afford one minute gets 402.
    public var pricePerMinute: Double
    /// Relative weight of answered calls (they complete with a transcript and recording).
    public var answerRate: Double
    /// Relative weight of calls that ring out unanswered.
    public var noAnswerRate: Double
    /// Relative weight of calls that find the line busy.
    public var busyRate: Double
    /// Relative weight of calls that fail in the network.
    public var failRate: Double
    /// Relative weight of calls that reach voicemail.
    public var voicemailRate: Double
    /// Numbers in the Do-Not-Disturb registry: triggers to them get 403 unless `dnd_check_skipped`.
    public var dndNumbers: Set<String>
    /// Extra latency added to every API response.
    public var latency: Duration
    /// Probability that a trigger fails with 5xx before anything is placed.
    public var errorRate: Double
    /// Probability that a trigger places the call and then answers 5xx anyway.
    public var ambiguousRate: Double
    /// Probability that a trigger places the call and then holds the response for ``hangDuration``.
    public var hangRate: Double
    /// Probability that a trigger places the call and then closes the connection without a response.
    public var dropRate: Double
    /// Probability that a trigger gets a hostile answer instead of a proper one, in turn: truncated JSON,
    /// wrong types and an endless body after placing the call; an HTML 503 page and an undocumented 418
    /// without placing it. See ``GarbageAnswer``.
    public var garbageRate: Double
    /// How long a hung response is held: longer than any sane client timeout. Server shutdown cuts it short.
    public var hangDuration: Duration
    /// Probability that a recording (`GET /api/stream/{call_id}`) breaks off midway: the full
    /// `Content-Length` is announced, half the bytes are sent, then the connection is closed.
    public var recordingBreakRate: Double
    /// How fast recordings are sent, in bytes per second, as over a slow link; `0` means as fast as
    /// the connection allows.
    public var recordingBytesPerSecond: Int

    /// The API key accepted when ``apiKeys`` is empty; the CLI banner prints it.
    public static let demoAPIKey = "vaani_00000000000000000000000000dem0"
    /// The id of the agent every simulator starts with.
    public static let demoAgentID = "5a1d3c6e-0000-4000-8000-00000000a6e7"
    /// The name of the agent every simulator starts with; triggers may use it instead of the id.
    public static let demoAgentName = "demo-agent"

    /// Creates a configuration; every parameter has a sensible default.
    /// - Parameters:
    ///   - host: The host to bind.
    ///   - port: The TCP port, `0` for any free port.
    ///   - apiKeys: Accepted API keys; empty means only ``demoAPIKey``.
    ///   - seed: Seed of every random draw.
    ///   - speed: Time compression factor (> 0).
    ///   - rateLimit: Requests per second per key, `0` for unlimited.
    ///   - burst: Token bucket capacity, `0` for one second's worth.
    ///   - balance: Starting balance of every key.
    ///   - pricePerMinute: Price of a connected minute.
    ///   - answerRate: Weight of answered calls.
    ///   - noAnswerRate: Weight of unanswered calls.
    ///   - busyRate: Weight of busy lines.
    ///   - failRate: Weight of failed calls.
    ///   - voicemailRate: Weight of voicemail.
    ///   - dndNumbers: Numbers in the Do-Not-Disturb registry.
    ///   - latency: Added latency per API response.
    ///   - errorRate: Probability of a 5xx before placing.
    ///   - ambiguousRate: Probability of a 5xx after placing.
    ///   - hangRate: Probability of a held response after placing.
    ///   - dropRate: Probability of a closed connection after placing.
    ///   - garbageRate: Probability of a hostile answer (truncated, wrong types, endless, HTML, 418).
    ///   - hangDuration: How long a hung response is held.
    ///   - recordingBreakRate: Probability that a recording breaks off midway.
    ///   - recordingBytesPerSecond: The speed recordings are sent at, `0` for unlimited.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8001,
        apiKeys: [String] = [],
        seed: UInt64 = 42,
        speed: Double = 1,
        rateLimit: Double = 0,
        burst: Int = 0,
        balance: Double = 1_000_000,
        pricePerMinute: Double = 0.05,
        answerRate: Double = 0.70,
        noAnswerRate: Double = 0.15,
        busyRate: Double = 0.07,
        failRate: Double = 0.03,
        voicemailRate: Double = 0.05,
        dndNumbers: Set<String> = [],
        latency: Duration = .zero,
        errorRate: Double = 0,
        ambiguousRate: Double = 0,
        hangRate: Double = 0,
        dropRate: Double = 0,
        garbageRate: Double = 0,
        hangDuration: Duration = .seconds(600),
        recordingBreakRate: Double = 0,
        recordingBytesPerSecond: Int = 0
    ) {
        self.host = host
        self.port = port
        self.apiKeys = apiKeys
        self.seed = seed
        self.speed = speed
        self.rateLimit = rateLimit
        self.burst = burst
        self.balance = balance
        self.pricePerMinute = pricePerMinute
        self.answerRate = answerRate
        self.noAnswerRate = noAnswerRate
        self.busyRate = busyRate
        self.failRate = failRate
        self.voicemailRate = voicemailRate
        self.dndNumbers = dndNumbers
        self.latency = latency
        self.errorRate = errorRate
        self.ambiguousRate = ambiguousRate
        self.hangRate = hangRate
        self.dropRate = dropRate
        self.garbageRate = garbageRate
        self.hangDuration = hangDuration
        self.recordingBreakRate = recordingBreakRate
        self.recordingBytesPerSecond = recordingBytesPerSecond
    }

    /// The keys the simulator accepts: ``apiKeys``, or ``demoAPIKey`` when that is empty.
    public var effectiveAPIKeys: [String] { apiKeys.isEmpty ? [Self.demoAPIKey] : apiKeys }
}
