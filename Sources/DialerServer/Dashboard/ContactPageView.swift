import HTMLFormat
/// `/campaigns/{name}/contacts/{id}`: one contact with every attempt, its transcript and summary.
struct ContactPageView {
    var campaign: String
    var detail: ContactDetail
    var csrf: String

    var page: DashboardPage {
        let path = DashboardFormat.campaignPath(campaign)
        let contact = detail.contact
        var attempts = ""
        for attempt in detail.attempts.reversed() {
            attempts += """
                <div class="card" data-test="attempt">
                <h2>Attempt \(attempt.number) · \(HTMLText.escape(attempt.outcome ?? "in progress"))</h2>
                <dl class="fields">
                <dt>Started</dt><dd>\(DashboardFormat.date(attempt.startedAt))</dd>
                <dt>Ended</dt><dd>\(DashboardFormat.date(attempt.endedAt))</dd>
                <dt>Call</dt><dd>\(HTMLText.escape(attempt.callID ?? "—")) \(HTMLText.escape(attempt.callStatus ?? ""))</dd>
                <dt>Duration</dt><dd>\(attempt.durationSeconds.map { DashboardFormat.fixed($0, 0) + " s" } ?? "—")</dd>
                <dt>Cost</dt><dd>\(DashboardFormat.fixed(attempt.cost, 2))</dd>
                <dt>Disposition</dt><dd>\(HTMLText.escape(attempt.disposition ?? "—"))</dd>
                <dt>Summary</dt><dd data-test="summary">\(HTMLText.escape(attempt.summary ?? "—"))</dd>
                <dt>Entities</dt><dd><code>\(HTMLText.escape(attempt.entities ?? "—"))</code></dd>
                \(attempt.error.map { "<dt>Error</dt><dd>\(HTMLText.escape($0))</dd>" } ?? "")
                </dl>
                \(attempt.transcript.map { "<h2>Transcript</h2><pre class=\"transcript\" data-test=\"transcript\">\(HTMLText.escape($0))</pre>" } ?? "")
                </div>

                """
        }
        if detail.attempts.isEmpty { attempts = "<p class=\"muted\">Not called yet.</p>" }
        let body = """
            <p class="muted"><a href="/">Campaigns</a> / <a href="\(HTMLText.escape(path))">\(HTMLText.escape(campaign))</a> / \
            <a href="\(HTMLText.escape(path))/contacts">contacts</a> /</p>
            <h1>\(HTMLText.escape(contact.name.isEmpty ? "(no name)" : contact.name))</h1>
            <div class="card"><dl class="fields">
            <dt>Number</dt><dd data-test="phone">\(HTMLText.escape(contact.phone))</dd>
            <dt>Status</dt><dd>\(HTMLText.escape(contact.status))</dd>
            <dt>Attempts</dt><dd>\(contact.attempts)</dd>
            <dt>Row</dt><dd>\(contact.rowNumber)</dd>
            <dt>Region</dt><dd>\(HTMLText.escape(contact.region ?? "—")) \(HTMLText.escape(contact.timeZone ?? ""))</dd>
            <dt>Next attempt</dt><dd>\(DashboardFormat.date(contact.nextAttemptAt))</dd>
            <dt>Last error</dt><dd>\(HTMLText.escape(contact.lastError ?? "—"))</dd>
            <dt>Variables</dt><dd><code>\(HTMLText.escape(contact.variables))</code></dd>
            </dl></div>
            <h2>Attempts</h2>
            \(attempts)
            """
        return DashboardPage(title: contact.name, csrf: csrf, body: body)
    }
}
