import HTMLFormat
import CampaignReports
import CampaignStore

/// `/campaigns/{name}/contacts`: the contacts table, paged on the server, with search and a status filter.
struct ContactsPage {
    var campaign: String
    var query: ContactQuery
    var contacts: ContactPage
    var csrf: String

    var page: DashboardPage {
        let path = DashboardFormat.campaignPath(campaign)
        var options = "<option value=\"\">any status</option>"
        for status in ContactStatus.allCases {
            let selected = query.status == status.rawValue ? " selected" : ""
            options += "<option value=\"\(status.rawValue)\"\(selected)>\(status.rawValue)</option>"
        }
        var rows = ""
        for row in contacts.contacts {
            rows += """
                <tr data-test="contact-row">
                <td class="num">\(row.rowNumber)</td>
                <td><a href="\(HTMLText.escape(path))/contacts/\(row.id)">\(HTMLText.escape(row.name.isEmpty ? "(no name)" : row.name))</a></td>
                <td>\(HTMLText.escape(row.phone))</td>
                <td>\(HTMLText.escape(row.status))</td>
                <td class="num">\(row.attempts)</td>
                <td>\(HTMLText.escape(row.callStatus ?? ""))</td>
                <td>\(HTMLText.escape(row.summary ?? row.error ?? ""))</td>
                </tr>

                """
        }
        if contacts.contacts.isEmpty {
            rows = "<tr><td colspan=\"7\" class=\"muted\">No contact matches.</td></tr>"
        }
        let body = """
            <p class="muted"><a href="/">Campaigns</a> / <a href="\(HTMLText.escape(path))">\(HTMLText.escape(campaign))</a> /</p>
            <h1>Contacts</h1>
            <form method="get" action="\(HTMLText.escape(path))/contacts" class="filters">
            <input type="search" name="q" value="\(HTMLText.escape(query.search))" placeholder="Name, number or summary" \
            data-test="search" size="32">
            <select name="status" data-test="status-filter">\(options)</select>
            <button type="submit">Search</button>
            </form>
            <table>
            <thead><tr><th class="num">Row</th><th>Name</th><th>Number</th><th>Status</th><th class="num">Attempts</th>\
            <th>Last call</th><th>Summary</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>
            \(pager(path: path))
            """
        return DashboardPage(title: "\(campaign) contacts", csrf: csrf, body: body)
    }

    private func pager(path: String) -> String {
        func link(_ page: Int) -> String {
            var parts = ["page=\(page)"]
            if !query.search.isEmpty { parts.append("q=" + FormFields.encode(query.search)) }
            if let status = query.status { parts.append("status=" + FormFields.encode(status)) }
            return HTMLText.escape("\(path)/contacts?" + parts.joined(separator: "&"))
        }
        let previous = contacts.page > 1 ? "<a href=\"\(link(contacts.page - 1))\" data-test=\"previous\">← Previous</a>" : ""
        let next =
            contacts.page < contacts.pages ? "<a href=\"\(link(contacts.page + 1))\" data-test=\"next\">Next →</a>" : ""
        return """
            <div class="pager">\(previous)<span class="muted">page \(contacts.page) of \(contacts.pages) · \
            \(contacts.total) contact\(contacts.total == 1 ? "" : "s")</span>\(next)</div>
            """
    }
}
