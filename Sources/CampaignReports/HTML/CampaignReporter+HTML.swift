import CampaignStore
public import Foundation
import GRDB

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
    ///   GRDB `DatabaseError`.
    @discardableResult
    public func exportHTML(
        campaign name: String,
        to destination: ExportDestination,
        tableLimit: Int = defaultHTMLTableLimit,
        generatedAt: Date = Date()
    ) throws -> ExportSummary {
        try write(to: destination) { writer in
            try database.writer.read { db in
                let campaign = try campaign(named: name, in: db)
                let aggregates = try CampaignAggregates.fetch(campaign: campaign.id, in: db)
                let distributions = try ReportDistributions.fetch(campaign: campaign, in: db)
                let page = HTMLReportSections(
                    campaign: campaign, aggregates: aggregates, distributions: distributions, generatedAt: generatedAt)
                try writer.write(page.head())
                try writer.write(page.headline())
                try writer.write(page.charts())
                try writer.write(page.tableOpening(limit: tableLimit))
                let rows = try writeContactRows(campaign: campaign.id, limit: max(0, tableLimit), in: db, to: writer)
                try writer.write(page.tableClosing())
                return ExportSummary(
                    format: .html, contacts: aggregates.contacts, rows: rows, bytes: writer.bytesWritten)
            }
        }
    }

    private func writeContactRows(campaign: Int64, limit: Int, in db: Database, to writer: BufferedFileWriter)
        throws -> Int
    {
        var count = 0
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.id, c."row_number", c.name, c.phone_e164, c.status, c.attempts,
                       a.call_status, a.duration_ms, a.disposition, a.summary, COALESCE(c.last_error, a.error)
                FROM contacts c
                LEFT JOIN attempts a ON a.contact_id = c.id
                    AND a.number = (SELECT MAX(number) FROM attempts WHERE contact_id = c.id)
                WHERE +c.campaign_id = ?
                ORDER BY c.id
                LIMIT ?
                """,
            arguments: [campaign, limit]
        )
        while let row = try cursor.next() {
            let contactID: Int64 = row[0]
            let statusText: String = row[4]
            guard let status = ReportedStatus(storedText: statusText) else {
                throw CampaignReportError.invalidStoredValue(
                    table: "contacts", column: "status", rowID: contactID, value: statusText)
            }
            let rowNumber: Int64 = row[1]
            let name: String = row[2]
            let phone: String = row[3]
            let attempts: Int64 = row[5]
            let callStatus: String? = row[6]
            let duration: Int64? = row[7]
            let disposition: String? = row[8]
            let summary: String? = row[9]
            let error: String? = row[10]
            var html = "<tr><td class=\"num\">\(rowNumber)</td><td class=\"name\">\(HTMLText.escape(name))</td>"
            html += "<td>\(HTMLText.escape(phone))</td>"
            html += "<td><span class=\"badge\" style=\"background:\(ReportPage.color(of: status))\">\(status.rawValue)</span></td>"
            html += "<td class=\"num\">\(attempts)</td><td>\(HTMLText.escape(callStatus ?? ""))</td>"
            html += "<td class=\"num\">\(duration.map(Self.minutesAndSeconds) ?? "")</td>"
            html += "<td>\(HTMLText.escape(disposition ?? ""))</td>"
            html += "<td class=\"summary\">\(HTMLText.escape(summary ?? error ?? ""))</td></tr>\n"
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
