import HTMLFormat
import CampaignStore
import Foundation

/// The parts of the HTML report above and below the contact rows, built from the campaign's
/// aggregates. Every text that comes from the database passes through ``HTMLText/escape(_:)``.
struct HTMLReportSections {
    let campaign: Campaign
    let aggregates: CampaignAggregates
    let distributions: ReportDistributions
    let generatedAt: Date

    private var name: String { HTMLText.escape(campaign.name) }

    /// The document's start: doctype, title, style sheet, and the page heading.
    func head() -> String {
        var state = campaign.status.rawValue
        if let reason = campaign.pauseReason, campaign.status == .paused { state += ": " + reason }
        var span = ""
        if let first = distributions.firstAttemptAt, let last = distributions.lastAttemptAt {
            span = " · calls from \(Self.time(first)) to \(Self.time(last))"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <title>\(name) — Vaani campaign report</title>
            <style>
            \(ReportPage.styleSheet)
            </style>
            </head>
            <body>
            <main>
            <header>
            <h1>\(name)</h1>
            <p><span class="state">\(HTMLText.escape(state))</span> · agent \(HTMLText.escape(campaign.agentID))\(span) · report of \(Self.time(generatedAt.epochMilliseconds))</p>
            </header>

            """
    }

    /// The six headline cards.
    func headline() -> String {
        let finished = aggregates.contactsByState.filter { $0.key.isFinal }.values.reduce(0, +)
        let talkMinutes = Double(aggregates.talkMilliseconds) / 60_000
        let perAnswered = aggregates.answeredContacts == 0 ? nil : talkMinutes / Double(aggregates.answeredContacts)
        let costPerAnswered =
            aggregates.answeredContacts == 0 ? nil : aggregates.cost / Double(aggregates.answeredContacts)
        let cards: [(label: String, number: String, sub: String)] = [
            ("Contacts", ReportNumber.grouped(aggregates.contacts), "\(ReportNumber.grouped(finished)) finished"),
            (
                "Dialed", ReportNumber.grouped(aggregates.dialedContacts),
                "\(ReportNumber.grouped(aggregates.callsPlaced)) calls placed"
            ),
            ("Answered", ReportNumber.grouped(aggregates.answeredContacts), "contacts with a completed call"),
            ("Answer rate", ReportNumber.percent(aggregates.answerRate), "answered ÷ dialed contacts"),
            (
                "Talk minutes", ReportNumber.grouped(talkMinutes, decimals: 1),
                perAnswered.map { "\(ReportNumber.grouped($0, decimals: 1)) min per answered contact" } ?? "no answered calls"
            ),
            (
                "Cost", ReportNumber.grouped(aggregates.cost, decimals: 2),
                costPerAnswered.map { "\(ReportNumber.grouped($0, decimals: 2)) per answered contact" } ?? "nothing charged"
            ),
        ]
        var html = "<section class=\"cards\">\n"
        for card in cards {
            html += "<div class=\"card\"><div class=\"label\">\(card.label)</div>"
            html += "<div class=\"number\">\(card.number)</div><div class=\"sub\">\(HTMLText.escape(card.sub))</div></div>\n"
        }
        return html + "</section>\n"
    }

    /// The chart panels and the cost panel.
    func charts() -> String {
        var html = "<div class=\"grid\">\n"
        html += panel("Outcome of every contact", outcomeChart(), note: "Final outcome, or where the contact stands now.")
        html += panel("Attempts per contact", attemptsChart(), note: "Calls started per contact, redials included.")
        html += panel(
            "Call duration",
            durationChart(),
            note: "\(ReportNumber.counted(distributions.answeredByDuration.reduce(0, +), "answered call"))."
        )
        let placed = distributions.placedByLocalHour.reduce(0, +)
        html += panel(
            "Answer rate by hour of the contact's local day",
            hourlyChart(),
            note: "Share of \(ReportNumber.counted(placed, "placed call")) answered, by the hour in each contact's own time zone."
        )
        html += panel("Cost", costTable(), note: nil)
        html += panel("Attempts by result", attemptsTable(), note: nil)
        return html + "</div>\n"
    }

    /// The contact table's heading, search box and header row.
    func tableOpening(limit: Int) -> String {
        let total = aggregates.contacts
        let listed = min(max(limit, 0), total)
        let note =
            listed < total
            ? "<p class=\"note\">The table lists the first \(ReportNumber.grouped(listed)) of \(ReportNumber.grouped(total)) contacts; the CSV export has all of them. The numbers and charts above cover every contact.</p>"
            : ""
        return """
            <section class="panel contacts">
            <h2>Contacts</h2>
            <div class="search"><input id="search" type="search" placeholder="Search name, number, status, summary…" aria-label="Search contacts"><span><span id="shown">\(ReportNumber.grouped(listed))</span> of \(ReportNumber.grouped(listed)) shown</span></div>
            \(note)
            <div class="table-wrap">
            <table id="contacts">
            <thead><tr><th class="num">Row</th><th>Name</th><th>Number</th><th>Status</th><th class="num">Attempts</th><th>Last call</th><th class="num">Duration</th><th>Disposition</th><th>Summary</th></tr></thead>
            <tbody>

            """
    }

    /// The end of the table and the document, with the search script.
    func tableClosing() -> String {
        """
        </tbody>
        </table>
        </div>
        </section>
        <footer>Generated by vaani-dialer. This file is self-contained: it loads nothing from the network.</footer>
        </main>
        <script>
        \(ReportPage.searchScript)
        </script>
        </body>
        </html>

        """
    }

    private func panel(_ title: String, _ body: String, note: String?) -> String {
        var html = "<section class=\"panel\"><h2>\(HTMLText.escape(title))</h2>\n\(body)\n"
        if let note { html += "<p class=\"note\">\(HTMLText.escape(note))</p>" }
        return html + "</section>\n"
    }

    private func outcomeChart() -> String {
        let counts = aggregates.contactsByReportedStatus
        let total = max(aggregates.contacts, 1)
        let bars = ReportedStatus.allCases.compactMap { status -> SVGChart.Bar? in
            guard let count = counts[status], count > 0 else { return nil }
            let share = ReportNumber.percent(Double(count) / Double(total))
            return SVGChart.Bar(
                label: status.rawValue,
                value: Double(count),
                valueLabel: "\(ReportNumber.grouped(count)) · \(share)",
                title: "\(status.rawValue): \(ReportNumber.counted(count, "contact")) (\(share))",
                color: ReportPage.color(of: status)
            )
        }
        guard !bars.isEmpty else { return "<p class=\"note\">No contacts.</p>" }
        return SVGChart.horizontalBars(bars, ariaLabel: "Contacts by outcome")
    }

    private func attemptsChart() -> String {
        // Slots past the most attempts any contact had stay off the axis, but 0–3 always show.
        let lastUsed = distributions.contactsByAttempts.lastIndex { $0 > 0 } ?? 0
        let slots = distributions.contactsByAttempts.prefix(max(lastUsed, 3) + 1)
        let bars = slots.enumerated().map { attempts, count in
            let label = attempts == 5 ? "5+" : String(attempts)
            return SVGChart.Bar(
                label: label,
                value: Double(count),
                valueLabel: ReportNumber.grouped(count),
                title: "\(ReportNumber.counted(count, "contact")) with \(label) attempt\(attempts == 1 ? "" : "s")",
                color: ReportPage.accent
            )
        }
        return SVGChart.columns(bars, ariaLabel: "Contacts by number of attempts") { ReportNumber.grouped(Int($0)) }
    }

    private func durationChart() -> String {
        let bars = distributions.answeredByDuration.enumerated().map { index, count in
            let label = ReportDistributions.durationBounds[index].label
            return SVGChart.Bar(
                label: label,
                value: Double(count),
                valueLabel: ReportNumber.grouped(count),
                title: "\(ReportNumber.counted(count, "answered call")) lasting \(label)",
                color: ReportPage.color(of: .completed)
            )
        }
        return SVGChart.columns(bars, ariaLabel: "Answered calls by duration") { ReportNumber.grouped(Int($0)) }
    }

    private func hourlyChart() -> String {
        let bars = (0..<24).map { hour in
            let placed = distributions.placedByLocalHour[hour]
            let answered = distributions.answeredByLocalHour[hour]
            let rate = placed == 0 ? nil : Double(answered) / Double(placed)
            let hourLabel = (hour < 10 ? "0" : "") + String(hour)
            return SVGChart.Bar(
                label: hourLabel,
                value: rate ?? 0,
                valueLabel: "",
                title: placed == 0
                    ? "\(hourLabel):00–\(hourLabel):59: no calls"
                    : "\(hourLabel):00–\(hourLabel):59: \(ReportNumber.grouped(answered)) answered of \(ReportNumber.counted(placed, "call")) (\(ReportNumber.percent(rate)))",
                color: ReportPage.accent
            )
        }
        return SVGChart.columns(bars, maximum: 1, labelEvery: 3, ariaLabel: "Answer rate by local hour") {
            ReportNumber.percent($0).replacingOccurrences(of: ".0%", with: "%")
        }
    }

    private func costTable() -> String {
        let talkMinutes = Double(aggregates.talkMilliseconds) / 60_000
        let rows: [(String, String)] = [
            ("Total", ReportNumber.grouped(aggregates.cost, decimals: 2)),
            ("Per call placed", ratio(aggregates.cost, aggregates.callsPlaced)),
            ("Per answered contact", ratio(aggregates.cost, aggregates.answeredContacts)),
            ("Per talk minute", talkMinutes > 0 ? ReportNumber.grouped(aggregates.cost / talkMinutes, decimals: 2) : "–"),
        ]
        var html = "<table class=\"costs\"><tbody>\n"
        for (label, value) in rows { html += "<tr><td>\(label)</td><td class=\"num\">\(value)</td></tr>\n" }
        for (outcome, cost) in aggregates.costByOutcome.sorted(by: { $0.value > $1.value }) where cost > 0 {
            html += "<tr><td>\(HTMLText.escape(outcome.replacingOccurrences(of: "_", with: " "))) calls</td><td class=\"num\">\(ReportNumber.grouped(cost, decimals: 2))</td></tr>\n"
        }
        return html + "</tbody></table>"
    }

    private func attemptsTable() -> String {
        var html = "<table><thead><tr><th>Result</th><th class=\"num\">Attempts</th><th class=\"num\">Share</th></tr></thead><tbody>\n"
        let total = max(aggregates.attempts, 1)
        let sorted = aggregates.attemptsByOutcome.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        for (outcome, count) in sorted {
            html += "<tr><td>\(HTMLText.escape(outcome))</td><td class=\"num\">\(ReportNumber.grouped(count))</td>"
            html += "<td class=\"num\">\(ReportNumber.percent(Double(count) / Double(total)))</td></tr>\n"
        }
        if sorted.isEmpty { html += "<tr><td colspan=\"3\">No attempts yet.</td></tr>\n" }
        return html + "</tbody></table>"
    }

    private func ratio(_ cost: Double, _ count: Int) -> String {
        count == 0 ? "–" : ReportNumber.grouped(cost / Double(count), decimals: 2)
    }

    /// Epoch milliseconds as `2026-11-26 21:09 UTC`.
    private static func time(_ milliseconds: Int64) -> String {
        let iso = Timestamp.iso8601(epochMilliseconds: milliseconds)
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }
}
