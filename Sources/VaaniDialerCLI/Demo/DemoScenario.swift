import VaaniSimulator

/// The demo's rehearsal: a simulator that shows a rate-limit burst and an empty wallet midway, and the
/// dialing settings that show pacing and redials in well under a minute.
struct DemoScenario {
    /// The campaign's name in the demo database.
    static let campaign = "demo"

    /// The number the demo list carries that the simulated carrier reports as Do-Not-Disturb.
    static let dndNumber = "+919820000001"

    /// The simulator: calls compressed 600× (a two-minute call lasts 0.2 s), 25 requests per second per key
    /// with bursts of 10 — below what the dialer would send, so 429s come — and a wallet that runs dry
    /// about halfway through the list.
    static func simulator(balance: Double) -> SimulatorConfiguration {
        SimulatorConfiguration(
            seed: 2026,
            speed: 600,
            rateLimit: 25,
            burst: 10,
            balance: balance,
            pricePerMinute: 0.05,
            dndNumbers: [dndNumber]
        )
    }

    /// The wallet the demo starts with.
    static let startingBalance = 10.0

    /// The wallet after the demo's top-up.
    static let toppedUpBalance = 1_000.0

    /// `run` options: as fast as the API allows (the pacer slows down on each 429), eight requests in
    /// flight, one redial of unanswered and busy lines after three seconds, and no calling window so that
    /// contacts in every time zone are called now (a real campaign sets `--calling-hours`).
    static let runArguments = [
        "--rate", "0",
        "--concurrency", "8",
        "--max-attempts", "2",
        "--retry-delay", "no_answer=3s",
        "--retry-delay", "busy=3s",
        "--retry-delay", "failed=never",
        "--retry-delay", "voicemail=never",
        "--calling-hours", "none",
        "--poll-interval", "500ms",
        "--request-timeout", "10s",
    ]
}
