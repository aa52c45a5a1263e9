import CampaignStore
import Foundation

extension CampaignStatusSummary {
    /// The summary as indented JSON with sorted keys and ISO 8601 dates, for scripts.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The summary as aligned lines for a terminal.
    public func renderedText() -> String {
        var lines: [String] = []
        func line(_ label: String, _ text: String) {
            lines.append(label.padding(toLength: 11, withPad: " ", startingAt: 0) + text)
        }
        line("Campaign", "\(campaign) (agent \(agentID))")
        var stateText = state.rawValue
        if let pauseReason { stateText += ": \(pauseReason)" }
        if let runner {
            stateText += runner.isActive
                ? " — process \(runner.pid) on \(runner.host)"
                : " — lease of process \(runner.pid) on \(runner.host) lapsed"
        }
        line("State", stateText)
        line("Contacts", "\(contacts): \(finishedContacts) finished, \(contacts - finishedContacts) left")
        let statusCounts = ReportedStatus.allCases.compactMap { status -> String? in
            let count = contactsByStatus[status.rawValue] ?? 0
            return count == 0 ? nil : "\(status.rawValue) \(count)"
        }
        if !statusCounts.isEmpty { line("", statusCounts.joined(separator: ", ")) }
        let states = ["dialing", "in_call", "retry_wait"].compactMap { state -> String? in
            let count = contactsByState[state] ?? 0
            return count == 0 ? nil : "\(state) \(count)"
        }
        if !states.isEmpty { line("", "of which " + states.joined(separator: ", ")) }
        var attemptsText = "\(attempts) (\(callsPlaced) calls placed)"
        let outcomes = attemptsByOutcome.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        if !outcomes.isEmpty {
            attemptsText += ": " + outcomes.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        line("Attempts", attemptsText)
        let rate = answerRate.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
        line("Answered", "\(answeredContacts) of \(dialedContacts) dialed (\(rate))")
        line("Talk time", String(format: "%.1f min", talkMinutes))
        line("Cost", String(format: "%.2f", cost))
        if let nextRedialAt {
            line("Redials", "next due at \(Timestamp.iso8601(epochMilliseconds: nextRedialAt.epochMilliseconds))")
        }
        if awaitingReconciliation > 0 {
            line(
                "Reconcile",
                "\(awaitingReconciliation) contact(s) with an unknown call outcome; the next run checks the call history first"
            )
        }
        for (index, limit) in learnedRateLimits.enumerated() {
            let learned = Timestamp.iso8601(epochMilliseconds: limit.learnedAt.epochMilliseconds)
            line(
                index == 0 ? "Rate limit" : "",
                String(format: "%.1f", limit.requestsPerSecond) + " requests/s learned for key \(limit.keyFingerprint) at \(learned)"
                    + " (runs on that key start just below it; --rate still caps them)"
            )
        }
        line("Next", nextStep)
        return lines.joined(separator: "\n")
    }
}
