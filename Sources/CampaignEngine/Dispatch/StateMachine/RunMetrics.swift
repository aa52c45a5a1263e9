import CampaignStore

/// What the run's progress lines count: contacts per status, calls placed and the rate they are placed
/// at, and when progress was last reported.
struct RunMetrics<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// The least time between two progress reports that are not forced.
    let reportInterval: Duration = .milliseconds(500)
    /// Contacts in each status.
    private(set) var counts: [ContactStatus: Int] = [:]
    /// Contacts in the campaign.
    private(set) var total = 0
    /// Calls placed in this run.
    private(set) var placed = 0
    /// Whether attempts left unfinished by an earlier run are being reconciled.
    var isReconciling = false
    private var rateWindowStart: Instant
    private var rateWindowCount = 0
    private var lastWindowRate = 0.0
    private var lastReport: Instant

    /// Creates empty metrics.
    init(now: Instant) {
        rateWindowStart = now
        lastReport = now
    }

    /// Starts from the journal's counts.
    mutating func start(counts: [ContactStatus: Int]) {
        self.counts = counts
        total = counts.values.reduce(0, +)
    }

    /// A contact moved from one status to another.
    mutating func move(from old: ContactStatus, to new: ContactStatus) {
        guard old != new else { return }
        counts[old, default: 0] -= 1
        counts[new, default: 0] += 1
    }

    /// A call was placed; the rate is measured over windows of two seconds.
    mutating func callPlaced(now: Instant) {
        placed += 1
        let elapsed = rateWindowStart.duration(to: now)
        if elapsed >= .seconds(2) {
            lastWindowRate = Double(rateWindowCount) / elapsed.timeInterval
            rateWindowStart = now
            rateWindowCount = 0
        }
        rateWindowCount += 1
    }

    /// Calls placed per second lately.
    func callsPerSecond(now: Instant) -> Double {
        let elapsed = rateWindowStart.duration(to: now)
        return elapsed >= .seconds(1) ? Double(rateWindowCount) / elapsed.timeInterval : lastWindowRate
    }

    /// Contacts in a final status.
    var doneCount: Int { counts.filter { $0.key.isFinal }.values.reduce(0, +) }

    /// Contacts not in a final status.
    var nonFinalCount: Int { counts.filter { !$0.key.isFinal }.values.reduce(0, +) }

    /// Whether progress is due (always when `force`); when it is, the next report counts from now.
    mutating func reportDue(now: Instant, force: Bool) -> Bool {
        guard force || lastReport.duration(to: now) >= reportInterval else { return false }
        reported(at: now)
        return true
    }

    /// Progress was reported now.
    mutating func reported(at now: Instant) {
        lastReport = now
    }
}
