import CampaignStore
import ContactImport
import Foundation

/// The summary printed at the end of `vaani-dialer import`.
struct ImportReport {
    let csv: String
    let summary: ImportSummary
    let campaignTotal: Int

    var text: String {
        let counts = summary.counts
        let columns = summary.columns
        var lines: [String] = []
        lines.append("Imported \(csv) into campaign \"\(summary.campaign.name)\" (agent \(summary.campaign.agentID))")
        var mapping = "  columns: phone = \"\(columns.columnName(columns.phone))\", name = \(columns.nameDescription)"
        if let zone = columns.timeZone { mapping += ", time zone = \"\(columns.columnName(zone))\"" }
        if !columns.variables.isEmpty { mapping += "; variables: " + columns.variables.map(\.name).joined(separator: ", ") }
        lines.append(mapping)
        let width = String(counts.rows).count
        func row(_ label: String, _ value: Int, _ detail: String = "") -> String {
            let number = String(value)
            return "  " + label.padding(toLength: 11, withPad: " ", startingAt: 0)
                + String(repeating: " ", count: max(0, width - number.count)) + number + detail
        }
        lines.append(row("rows", counts.rows))
        lines.append(row("imported", counts.imported))
        let reasons = summary.rejectedByReason.map { "\($0.count) \($0.reason)" }.joined(separator: ", ")
        lines.append(row("rejected", counts.rejected, reasons.isEmpty ? "" : "  (\(reasons))"))
        lines.append(row("duplicates", counts.duplicates))
        lines.append(row("suppressed", counts.suppressed))
        if let dnc = summary.doNotCall {
            lines.append("  do-not-call file: \(dnc.numbers) numbers, \(dnc.newlySuppressed) new on the suppression list")
        }
        if let rejects = summary.rejectsPath { lines.append("  rejects: \(rejects)") }
        for warning in summary.warnings { lines.append("  warning: \(warning)") }
        lines.append("  campaign \"\(summary.campaign.name)\" now has \(campaignTotal) contacts")
        return lines.joined(separator: "\n") + "\n"
    }
}
