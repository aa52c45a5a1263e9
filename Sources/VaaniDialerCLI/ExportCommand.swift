import ArgumentParser
import CampaignReports
import Foundation

/// `vaani-dialer export NAME --format csv|json|html`: a campaign's results as a file.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a campaign's results as CSV, JSON Lines or a self-contained HTML report.",
        discussion: """
            csv:  one row per contact with its status, latest call and variables (spreadsheet-safe).
            json: JSON Lines, one object per attempt of every contact, transcripts included.
            html: one page with headline numbers, charts and a searchable contact table.
            Without --output the report goes to standard output.
            """
    )

    /// The formats, as typed on the command line.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, html

        var exportFormat: ExportFormat {
            switch self {
            case .csv: .csv
            case .json: .json
            case .html: .html
            }
        }
    }

    @Argument(help: "The campaign's name.")
    var name: String

    @Option(help: "The report format.")
    var format: Format

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (created owner-only).", valueName: "file"))
    var output: String?

    @Option(help: "HTML only: the most contacts the table lists (the charts always cover all).")
    var tableLimit = CampaignReporter.defaultHTMLTableLimit

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard tableLimit >= 0 else { throw ValidationError("--table-limit must be 0 or more, not \(tableLimit).") }
        if let output, output.isEmpty { throw ValidationError("--output needs a file name.") }
    }

    func run() async throws {
        let reporter = try CampaignReporter(store: database.openExistingForReading())
        let destination: ExportDestination = output.map { .file(path: $0) } ?? .standardOutput
        let summary =
            switch format {
            case .csv: try await reporter.exportCSV(campaign: name, to: destination)
            case .json: try await reporter.exportJSONLines(campaign: name, to: destination)
            case .html: try await reporter.exportHTML(campaign: name, to: destination, tableLimit: tableLimit)
            }
        if let output {
            let unit = format == .json ? "lines" : "rows"
            FileHandle.standardError.write(
                Data(
                    "Wrote \(summary.rows) \(unit) for \(summary.contacts) contacts to \(output) (\(summary.bytes) bytes).\n"
                        .utf8)
            )
        }
    }
}
