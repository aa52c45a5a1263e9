import CampaignEngine
import CampaignStore
import Foundation

/// The phase of a campaign in words, as the dashboard shows it: "dialing", "rate limited — resuming in
/// 3 s", "paused: insufficient balance", "waiting for 09:00 in Asia/Kolkata".
enum PhaseText {
    /// The words and a kind for styling.
    static func describe(
        state: CampaignState,
        runner: RunnerState,
        progress: RunProgress?,
        timeZone: TimeZone?,
        now: Date
    ) -> (text: String, kind: String) {
        // A finished campaign says so, even while its runner is still returning.
        switch state {
        case .completed: return ("completed", "done")
        case .cancelled: return ("cancelled", "done")
        default: break
        }
        switch runner {
        case .starting:
            return ("starting", "waiting")
        case .running:
            guard let progress else { return ("starting", "waiting") }
            return describe(progress.phase, timeZone: timeZone, now: now)
        case .heldElsewhere(let lease, _):
            if state == .running {
                return ("running in process \(lease.pid) on \(lease.host)", "dialing")
            }
        case .failed(let message, let retryAt):
            if state == .running || retryAt == nil, !state.isFinal {
                let retry = retryAt.map { " — trying again in \(seconds(until: $0, now: now))" } ?? ""
                return ("stopped: \(message)\(retry)", "error")
            }
        case .idle:
            break
        }
        switch state {
        case .ready: return ("ready — not started", "stopped")
        case .running: return ("starting", "waiting")
        case .paused(.user): return ("paused", "paused")
        case .paused(let reason): return ("paused: \(reason.rawValue)", "paused")
        case .completed: return ("completed", "done")
        case .cancelled: return ("cancelled", "done")
        }
    }

    /// A runner's phase in words.
    static func describe(_ phase: RunProgress.Phase, timeZone: TimeZone?, now: Date) -> (text: String, kind: String) {
        switch phase {
        case .reconciling(let count):
            ("reconciling \(count) call\(count == 1 ? "" : "s") left by an earlier run", "waiting")
        case .dialing:
            ("dialing", "dialing")
        case .rateLimited(let until):
            ("rate limited — resuming in \(seconds(until: until, now: now))", "rate_limited")
        case .unreachable(let until):
            ("API unreachable — retrying in \(seconds(until: until, now: now))", "error")
        case .waitingForBalance(let next):
            ("paused: insufficient balance — checking again in \(seconds(until: next, now: now))", "paused")
        case .waiting(let until):
            if let until { ("waiting for \(clock(until, timeZone: timeZone, now: now))", "waiting") } else {
                ("waiting for calls in progress to end", "waiting")
            }
        case .stopping(let reason):
            ("stopping: \(reason)", "waiting")
        }
    }

    /// "3 s", "2 min", "1 h 5 min".
    static func seconds(until date: Date, now: Date) -> String {
        let seconds = max(0, Int(date.timeIntervalSince(now).rounded(.up)))
        if seconds < 120 { return "\(seconds) s" }
        if seconds < 7200 { return "\(seconds / 60) min" }
        return "\(seconds / 3600) h \(seconds % 3600 / 60) min"
    }

    /// "09:00 in Asia/Kolkata", with the date when it is not within a day.
    static func clock(_ date: Date, timeZone: TimeZone?, now: Date) -> String {
        let zone = timeZone ?? TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        let day =
            date.timeIntervalSince(now) < 20 * 3600
            ? "" : String(format: "%04d-%02d-%02d ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return "\(day)\(time) in \(zone.identifier)"
    }
}

extension CampaignState {
    /// Completed or cancelled.
    var isFinal: Bool { self == .completed || self == .cancelled }
}
