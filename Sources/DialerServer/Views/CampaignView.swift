import CampaignEngine
public import CampaignReports
import CampaignStore
public import Foundation

/// A campaign as the API, the dashboard and its live updates show it: the stored state and totals, with
/// the live numbers of this server's runner on top.
public struct CampaignView: Sendable, Hashable, Codable {
    /// The campaign's name.
    public var name: String
    /// The Vaani agent that places its calls.
    public var agentID: String
    /// The stored state: `ready`, `running`, `paused`, `completed` or `cancelled`.
    public var state: String
    /// Why it is paused, when it is.
    public var pauseReason: String?
    /// What is happening, in words: "dialing", "rate limited — resuming in 3 s", "paused: insufficient balance".
    public var phase: String
    /// Contacts in all.
    public var total: Int
    /// Contacts that will not be dialed again.
    public var done: Int
    /// Done over total, 0–1.
    public var progress: Double
    /// Trigger requests in flight now.
    public var requestsInFlight: Int
    /// Calls placed and not yet ended now.
    public var activeCalls: Int
    /// Calls placed per second over the last few seconds.
    public var callsPerSecond: Double
    /// Calls placed by the current run.
    public var placedThisRun: Int
    /// 429 answers in the current run.
    public var rateLimitedThisRun: Int
    /// The current pace limit in calls per second, when there is one.
    public var paceLimit: Double?
    /// Calls the API placed over the campaign's life.
    public var callsPlaced: Int
    /// Contacts per stored state.
    public var contactsByState: [String: Int]
    /// Attempts per outcome word.
    public var attemptsByOutcome: [String: Int]
    /// Answered over dialed contacts, `nil` before anyone was dialed.
    public var answerRate: Double?
    /// What the calls cost.
    public var cost: Double
    /// Seconds until every contact is dialed at the current pace, when it can be told.
    public var etaSeconds: Double?
    /// When the earliest redial is due.
    public var nextRedialAt: Date?
    /// Calls per second over the last ten minutes (about every five seconds), oldest first.
    public var paceHistory: [Double]
    /// The phase's kind, for styling: `dialing`, `waiting`, `rate_limited`, `paused`, `stopped`, `done`, `error`.
    public var phaseKind: String

    enum CodingKeys: String, CodingKey {
        case name
        case agentID = "agent_id"
        case state
        case pauseReason = "pause_reason"
        case phase
        case phaseKind = "phase_kind"
        case total, done, progress
        case requestsInFlight = "requests_in_flight"
        case activeCalls = "active_calls"
        case callsPerSecond = "calls_per_second"
        case placedThisRun = "placed_this_run"
        case rateLimitedThisRun = "rate_limited_this_run"
        case paceLimit = "pace_limit"
        case callsPlaced = "calls_placed"
        case contactsByState = "contacts_by_state"
        case attemptsByOutcome = "attempts_by_outcome"
        case answerRate = "answer_rate"
        case cost
        case etaSeconds = "eta_seconds"
        case nextRedialAt = "next_redial_at"
        case paceHistory = "pace_history"
    }

    /// Combines a stored summary with the board's live entry.
    /// - Parameters:
    ///   - summary: The campaign's stored status.
    ///   - entry: This server's live entry of the campaign.
    ///   - timeZone: The zone in which waits are told ("waiting for 09:00 in Asia/Kolkata").
    ///   - now: The current time.
    public init(summary: CampaignStatusSummary, entry: CampaignBoard.Entry, timeZone: TimeZone?, now: Date = Date()) {
        name = summary.campaign
        agentID = summary.agentID
        state = summary.state.rawValue
        pauseReason = summary.pauseReason
        total = summary.contacts
        done = summary.finishedContacts
        callsPlaced = summary.callsPlaced
        contactsByState = summary.contactsByState
        attemptsByOutcome = summary.attemptsByOutcome
        answerRate = summary.answerRate
        cost = summary.cost
        nextRedialAt = summary.nextRedialAt
        paceHistory = entry.paceHistory.map(\.callsPerSecond)
        requestsInFlight = 0
        activeCalls = 0
        callsPerSecond = 0
        placedThisRun = entry.progress?.placed ?? 0
        rateLimitedThisRun = entry.progress?.rateLimited ?? 0
        paceLimit = nil
        etaSeconds = nil
        let stored = CampaignState(status: summary.state, pauseReason: summary.pauseReason)
        let phase = PhaseText.describe(
            state: stored, runner: entry.runner, progress: entry.progress, timeZone: timeZone, now: now)
        self.phase = phase.text
        phaseKind = phase.kind
        if let progress = entry.progress, entry.runner.isActive {
            // The runner's numbers are newer than the stored summary's.
            total = progress.total
            done = progress.done
            requestsInFlight = progress.requestsInFlight
            activeCalls = progress.activeCalls
            callsPerSecond = progress.callsPerSecond
            paceLimit = progress.pace
            etaSeconds = progress.estimatedSecondsLeft
            for (status, count) in progress.counts { contactsByState[status.rawValue] = count }
        }
        progress = total == 0 ? 0 : Double(done) / Double(total)
    }
}

extension RunnerState {
    /// Whether a runner is starting or running here.
    var isActive: Bool {
        switch self {
        case .starting, .running: true
        default: false
        }
    }
}
