import CampaignEngine
import CampaignStore
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows a run's progress: one line redrawn in place on a terminal, plain lines every few seconds
/// otherwise (logs, CI).
final class ProgressPrinter: Sendable {
    private let campaign: String
    private let isTerminal: Bool
    private let state = Mutex<(lastLine: Date, drawn: Bool)>((.distantPast, false))

    init(campaign: String) {
        self.campaign = campaign
        isTerminal = isatty(STDOUT_FILENO) == 1
    }

    func update(_ progress: RunProgress) {
        let line = Self.line(progress)
        let now = Date()
        state.withLock { state in
            // Lines printed with `print` sit in stdio's buffer when stdout is a pipe; flush them (fflush(nil) flushes every stream) so that
            // the progress lines, written directly, keep their place among them.
            fflush(nil)
            if isTerminal {
                FileHandle.standardOutput.write(Data(("\r\u{1B}[K" + line).utf8))
                state.drawn = true
            } else if now.timeIntervalSince(state.lastLine) >= 5 {
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
                state.lastLine = now
            }
        }
    }

    /// Ends the redrawn line so that what follows starts on its own.
    func finish() {
        state.withLock { state in
            if state.drawn { FileHandle.standardOutput.write(Data("\n".utf8)) }
            state.drawn = false
        }
    }

    static func line(_ progress: RunProgress) -> String {
        var parts = ["\(progress.done)/\(progress.total) done", "\(progress.activeCalls) active"]
        if progress.requestsInFlight > 0 { parts.append("\(progress.requestsInFlight) in flight") }
        let outcomes: [ContactStatus] = [.completed, .noAnswer, .busy, .failed, .voicemail, .invalid, .dnd, .retryWait]
        let counts = outcomes.compactMap { status in
            progress.counts[status].flatMap { $0 > 0 ? "\(status.rawValue) \($0)" : nil }
        }
        if !counts.isEmpty { parts.append(counts.joined(separator: " ")) }
        parts.append(String(format: "%.1f calls/s", progress.callsPerSecond))
        if progress.phase == .dialing, let seconds = progress.estimatedSecondsLeft, seconds > 0 {
            parts.append("ETA " + Duration(timeInterval: seconds).humanReadable)
        }
        switch progress.phase {
        case .dialing: break
        case .reconciling(let count): parts.append("reconciling \(count) unfinished attempts")
        case .rateLimited(let until): parts.append("rate limited — resuming in \(wait(until, progress.at))")
        case .unreachable(let until): parts.append("API unreachable — retrying in \(wait(until, progress.at))")
        case .waitingForBalance(let probe): parts.append("paused: insufficient balance — probing in \(wait(probe, progress.at))")
        case .waiting(let until):
            if let until, until > progress.at { parts.append("waiting until \(format(until)) for the next contact") }
        case .stopping(let reason): parts.append("stopping: \(reason)")
        }
        return parts.joined(separator: " · ")
    }

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss zzz"
        return formatter.string(from: date)
    }

    private static func wait(_ until: Date, _ now: Date) -> String {
        Duration(timeInterval: max(0, until.timeIntervalSince(now))).humanReadable
    }
}
