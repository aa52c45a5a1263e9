import CampaignStore

/// What belongs to one API key rather than to one campaign: the pace and the backoff of every request
/// on the key (the API limits the key, not the campaign), the hold after a 402, and one reading of the
/// call history shared by every campaign that follows calls on it.
///
/// Campaigns run in one process on one key share one `APIAccount`: each campaign's runner sends through
/// the account's gate, so their combined rate stays under the key's limit and a 429 or a 402 seen by
/// one slows or holds them all; and their history polls within ``historyMaxAge`` of each other are one
/// request (``SharedHistoryCallService``), so N campaigns do not scan the same history N times.
///
/// ```swift
/// let account = APIAccount(calls: VaaniCallService(client: client), rate: 20, clock: ContinuousClock())
/// let runner = CampaignRunner(journal: journal, calls: account.calls, agentID: "agent-1",
///                             configuration: settings, clock: ContinuousClock(), account: account)
/// ```
public final class APIAccount<C: Clock>: Sendable where C.Duration == Duration {
    /// The API, with history reads shared between the account's campaigns.
    public let calls: any CallService
    /// The key's pace in requests per second (`0`: as fast as the API allows, learning its limit from
    /// its 429s).
    public let rate: Double
    /// Every request on the key waits its turn here.
    let gate: DispatchGate<C.Instant>

    /// Creates the account of one key.
    /// - Parameters:
    ///   - calls: The API on this key.
    ///   - rate: The key's pace in requests per second (`0` for as fast as the API allows).
    ///   - clock: The clock of every runner on the account.
    ///   - historyMaxAge: How old a history page may be and still answer another campaign's poll.
    public init(calls: any CallService, rate: Double, clock: C, historyMaxAge: Duration = .milliseconds(500)) {
        self.calls = SharedHistoryCallService(base: calls, maxAge: historyMaxAge, clock: clock)
        self.rate = rate
        gate = DispatchGate(pacer: Pacer(Pacer.Configuration(rate: rate)), origin: clock.now)
    }
}
