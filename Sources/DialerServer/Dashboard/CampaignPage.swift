import HTMLFormat
import CampaignStore
import Foundation

/// `/campaigns/{name}`: one campaign, kept current by its event stream — progress, load, pace, outcome
/// counts, the phase in words, and the controls.
struct CampaignPage {
    var view: CampaignView
    var csrf: String
    /// A message to show above the controls (the result of the last action).
    var notice: String?

    static let chartWidth = 600
    static let chartHeight = 120

    var page: DashboardPage {
        let path = DashboardFormat.campaignPath(view.name)
        let apiPath = "/api/v1/campaigns/" + FormFields.encode(view.name)
        let noticeHTML = notice.map { "<p class=\"error-box\">\(HTMLText.escape($0))</p>" } ?? ""
        let body = """
            <div data-events="\(HTMLText.escape(apiPath))/events">
            <p class="muted"><a href="/">Campaigns</a> /</p>
            <h1>\(HTMLText.escape(view.name))</h1>
            <p><span class="phase \(view.phaseKind)" data-test="phase">\(HTMLText.escape(view.phase))</span>
            <span class="muted">state <span data-test="state">\(HTMLText.escape(view.state))</span> · agent \(HTMLText.escape(view.agentID))</span></p>
            <progress max="\(max(view.total, 1))" value="\(view.done)"></progress>
            \(noticeHTML)
            <div class="controls">
            \(button("start", "Start", path, primary: true, enabled: view.state == "ready" || view.state == "paused"))
            \(button("pause", "Pause", path, enabled: view.state == "running"))
            \(button("resume", "Resume", path, enabled: view.state == "paused"))
            \(button("cancel", "Cancel", path, enabled: ["ready", "running", "paused"].contains(view.state),
                confirm: "Cancel \(view.name) for good? Contacts still waiting will not be called."))
            </div>
            <div class="stats">
            \(stat("Done", "<span data-test=\"done\">\(view.done)</span> / <span data-test=\"total\">\(view.total)</span>"))
            \(stat("Requests in flight", "<span data-test=\"in-flight\">\(view.requestsInFlight)</span>"))
            \(stat("Active calls", "<span data-test=\"active-calls\">\(view.activeCalls)</span>"))
            \(stat("Calls / s", "<span data-test=\"calls-per-second\">\(DashboardFormat.fixed(view.callsPerSecond, 1))</span>"))
            \(stat("429s this run", "<span data-test=\"rate-limited\">\(view.rateLimitedThisRun)</span>"))
            \(stat("Calls placed", "<span data-test=\"calls-placed\">\(view.callsPlaced)</span>"))
            \(stat("Answer rate", "<span data-test=\"answer-rate\">\(DashboardFormat.rate(view.answerRate))</span>"))
            \(stat("Cost", "<span data-test=\"cost\">\(DashboardFormat.fixed(view.cost, 2))</span>"))
            \(stat("ETA", "<span data-test=\"eta\">\(DashboardFormat.eta(view.etaSeconds))</span>"))
            </div>
            <div class="charts">
            <div class="card"><h2>Calls per second, last 10 minutes</h2>\(paceChart)</div>
            <div class="card"><h2>Contacts by state</h2>\(stateChart)</div>
            </div>
            <h2>Contacts</h2>
            <p><a href="\(HTMLText.escape(path))/contacts">Browse and search the contacts</a> ·
            Download the report: <a href="\(HTMLText.escape(apiPath))/export/csv" data-test="download-csv">CSV</a> ·
            <a href="\(HTMLText.escape(apiPath))/export/jsonl">JSON Lines</a> ·
            <a href="\(HTMLText.escape(apiPath))/export/html">HTML</a></p>
            </div>
            """
        return DashboardPage(title: view.name, csrf: csrf, body: body)
    }

    private func stat(_ label: String, _ valueHTML: String) -> String {
        "<div class=\"stat\"><div class=\"label\">\(label)</div><div class=\"value\">\(valueHTML)</div></div>"
    }

    private func button(
        _ action: String, _ label: String, _ path: String, primary: Bool = false, enabled: Bool, confirm: String? = nil
    ) -> String {
        let confirmAttribute = confirm.map { " data-confirm=\"\(HTMLText.escape($0))\"" } ?? ""
        let style = primary ? " class=\"primary\"" : action == "cancel" ? " class=\"danger\"" : ""
        return """
            <form method="post" action="\(HTMLText.escape(path))/\(action)"\(confirmAttribute)>\
            <input type="hidden" name="csrf" value="\(HTMLText.escape(csrf))">\
            <button type="submit" data-test="\(action)"\(style)\(enabled ? "" : " disabled")>\(label)</button></form>
            """
    }

    /// The pace over the last minutes as a line.
    private var paceChart: String {
        let width = Self.chartWidth
        let height = Self.chartHeight
        let values = view.paceHistory
        let maximum = max(values.max() ?? 0, 1)
        let points = values.enumerated().map { index, value in
            let x = values.count == 1 ? Double(width) : Double(index) / Double(values.count - 1) * Double(width)
            let y = Double(height) - value / maximum * Double(height - 4) - 2
            return String(format: "%.1f,%.1f", x, y)
        }.joined(separator: " ")
        return """
            <svg viewBox="0 0 \(width) \(height + 16)" width="100%" role="img" aria-label="calls per second">
            <line x1="0" y1="\(height)" x2="\(width)" y2="\(height)" stroke="#dde2ea"/>
            <polyline data-pace-line fill="none" stroke="#2357d9" stroke-width="2" points="\(points)"/>
            <text x="0" y="\(height + 14)">10 min ago</text><text x="\(width - 30)" y="\(height + 14)">now</text>
            </svg>
            """
    }

    /// Contacts per state as horizontal bars.
    private var stateChart: String {
        let states = ContactStatus.allCases
        let barMax = 360
        let rowHeight = 20
        var rows = ""
        for (index, state) in states.enumerated() {
            let count = view.contactsByState[state.rawValue] ?? 0
            let width = Double(count) / Double(max(view.total, 1)) * Double(barMax)
            let y = index * rowHeight
            rows += """
                <text x="0" y="\(y + 14)">\(state.rawValue)</text>\
                <rect data-bar="\(state.rawValue)" data-max="\(barMax)" x="110" y="\(y + 4)" height="12" \
                width="\(String(format: "%.1f", width))" fill="\(Self.color(state))"/>\
                <text x="\(110 + barMax + 8)" y="\(y + 14)" data-count="\(state.rawValue)">\(count)</text>

                """
        }
        return """
            <svg viewBox="0 0 520 \(states.count * rowHeight + 4)" width="100%" role="img" aria-label="contacts by state">
            \(rows)</svg>
            """
    }

    private static func color(_ state: ContactStatus) -> String {
        switch state {
        case .completed: "#1f8a4c"
        case .noAnswer, .busy, .voicemail, .retryWait: "#b86e00"
        case .failed, .invalid, .dnd, .suppressed, .cancelled: "#c2372e"
        default: "#2357d9"
        }
    }
}
