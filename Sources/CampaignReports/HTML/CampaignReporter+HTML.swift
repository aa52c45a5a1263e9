import HTMLFormat
import CampaignStore
public import Foundation

extension CampaignReporter {
    /// How many contacts the HTML report's table lists by default; the charts and numbers always
    /// cover every contact, and the CSV lists them all.
    public static let defaultHTMLTableLimit = 5_000

    /// Writes the HTML report of a campaign: one self-contained page (inline CSS, SVG charts and a
    /// few lines of script, nothing fetched from the network) with the headline numbers, the outcome
    /// breakdown, attempts per contact, a call-duration histogram, the answer rate by hour of each
    /// contact's local day, costs, and a searchable table of contacts.
    ///
    /// Every text from the database is escaped, so hostile names and summaries stay text.
    ///
    /// - Parameters:
    ///   - campaign: The campaign's name.
    ///   - destination: A file (created with owner-only permissions) or standard output.
    ///   - tableLimit: The most contacts the table lists, in import order; a note says when there are more.
    ///   - generatedAt: The time printed as the report's date.
    /// - Returns: What was written; `rows` counts the table's rows.
    /// - Throws: ``CampaignReportError`` for an unknown campaign or a file that cannot be written, or a
    ///   store error.
    @discardableResult
    public func exportHTML(
        campaign name: String,
        to destination: ExportDestination,
        tableLimit: Int = defaultHTMLTableLimit,
        generatedAt: Date = Date()
    ) async throws -> ExportSummary {
        try await write(to: destination) { writer in
            try await store.withReportSnapshot { snapshot in
                let campaign = try await campaign(named: name, in: snapshot)
                let aggregates = try await CampaignAggregates.fetch(campaign: campaign.id, in: snapshot)
                let distributions = try await ReportDistributions.fetch(campaign: campaign, in: snapshot)
                let page = HTMLReportSections(
                    campaign: campaign, aggregates: aggregates, distributions: distributions, generatedAt: generatedAt)
                try writer.write(page.head())
                try writer.write(page.headline())
                try writer.write(page.charts())
                try writer.write(page.tableOpening(limit: tableLimit))
                let rows = try await writeContactRows(
                    campaign: campaign.id, limit: max(0, tableLimit), in: snapshot, to: writer)
                try writer.write(page.tableClosing())
                return ExportSummary(
                    format: .html, contacts: aggregates.contacts, rows: rows, bytes: writer.bytesWritten)
            }
        }
    }

    private func writeContactRows(
        campaign: Int64,
        limit: Int,
        in snapshot: any ReportSnapshot,
        to writer: BufferedFileWriter
    ) async throws -> Int {
        var count = 0
        try await snapshot.forEachContact(ofCampaign: campaign, limit: limit) { row in
            guard let status = ReportedStatus(storedText: row.statusText) else {
                throw CampaignReportError.invalidStoredValue(
                    table: "contacts", column: "status", rowID: row.contactID, value: row.statusText)
            }
            var html = "<tr><td class=\"num\">\(row.rowNumber)</td><td class=\"name\">\(HTMLText.escape(row.name))</td>"
            html += "<td>\(HTMLText.escape(row.phoneE164))</td>"
            html += "<td><span class=\"badge\" style=\"background:\(ReportPage.color(of: status))\">\(status.rawValue)</span></td>"
            html += "<td class=\"num\">\(row.attempts)</td><td>\(HTMLText.escape(row.callStatus ?? ""))</td>"
            html += "<td class=\"num\">\(row.durationMilliseconds.map(Self.minutesAndSeconds) ?? "")</td>"
            html += "<td>\(HTMLText.escape(row.disposition ?? ""))</td>"
            html += "<td class=\"summary\">\(HTMLText.escape(row.summary ?? row.error ?? ""))</td></tr>\n"
            try writer.write(html)
            count += 1
        }
        return count
    }

    /// `83412` ms → `1:23`.
    static func minutesAndSeconds(milliseconds: Int64) -> String {
        let seconds = (milliseconds + 500) / 1000
        let remainder = seconds % 60
        return "\(seconds / 60):" + (remainder < 10 ? "0" : "") + String(remainder)
    }
}
