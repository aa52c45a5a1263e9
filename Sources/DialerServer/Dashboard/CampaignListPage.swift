import HTMLFormat
/// `/`: every campaign with its state, progress, pace, answer rate, cost and ETA.
struct CampaignListPage {
    var campaigns: [CampaignView]
    var csrf: String?

    var page: DashboardPage {
        var rows = ""
        for view in campaigns {
            let path = DashboardFormat.campaignPath(view.name)
            rows += """
                <tr data-name="\(HTMLText.escape(view.name))">
                <td><a data-test="campaign" href="\(HTMLText.escape(path))">\(HTMLText.escape(view.name))</a>\
                <div class="muted">\(HTMLText.escape(view.agentID))</div></td>
                <td><span class="phase \(view.phaseKind)" data-test="phase">\(HTMLText.escape(view.phase))</span></td>
                <td><progress max="\(max(view.total, 1))" value="\(view.done)"></progress>
                <div class="muted"><span data-test="done">\(view.done)</span> / <span data-test="total">\(view.total)</span></div></td>
                <td class="num" data-test="calls-per-second">\(DashboardFormat.fixed(view.callsPerSecond, 1))</td>
                <td class="num" data-test="answer-rate">\(DashboardFormat.rate(view.answerRate))</td>
                <td class="num" data-test="cost">\(DashboardFormat.fixed(view.cost, 2))</td>
                <td class="num" data-test="eta">\(DashboardFormat.eta(view.etaSeconds))</td>
                </tr>

                """
        }
        if campaigns.isEmpty {
            rows = """
                <tr><td colspan="7" class="muted">No campaigns yet. Import contacts with \
                <code>vaani-dialer import FILE.csv --campaign NAME --agent AGENT_ID</code>.</td></tr>
                """
        }
        let body = """
            <h1>Campaigns</h1>
            <p><a href="/new-campaign" data-test="new-campaign">New campaign from a CSV file</a></p>
            <table data-campaign-list>
            <thead><tr><th>Campaign</th><th>State</th><th>Progress</th><th class="num">Calls/s</th>\
            <th class="num">Answer rate</th><th class="num">Cost</th><th class="num">ETA</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>
            """
        return DashboardPage(title: "Campaigns", csrf: csrf, body: body)
    }
}
