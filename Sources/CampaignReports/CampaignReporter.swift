public import CampaignStore
import FileReplacement
import GRDB

/// Produces everything a user learns from a campaign: the list of campaigns, one campaign's status,
/// and its CSV, JSON Lines and HTML reports.
///
/// Every method reads one consistent snapshot of the database (a GRDB read transaction; with a
/// `DatabasePool` it never blocks a running campaign's writes), and the exports stream rows through
/// a database cursor into a buffered writer, so memory stays flat however many contacts there are.
///
/// ```swift
/// let database = try CampaignDatabase.open(at: "vaani-dialer.sqlite")
/// let reporter = CampaignReporter(database: database)
/// let summary = try reporter.status(campaign: "renewals")
/// try reporter.exportCSV(campaign: "renewals", to: .file(path: "renewals.csv"))
/// ```
public struct CampaignReporter: Sendable {
    /// The database the reports read.
    public let database: CampaignDatabase

    /// Creates a reporter over an open database.
    ///
    /// - Parameter database: The product's database, opened once per process.
    public init(database: CampaignDatabase) {
        self.database = database
    }

    /// The campaign called `name`.
    ///
    /// - Throws: ``CampaignReportError/unknownCampaign(name:)`` when there is none.
    func campaign(named name: String, in db: Database) throws -> Campaign {
        guard let campaign = try CampaignDatabase.campaign(named: name, in: db) else {
            throw CampaignReportError.unknownCampaign(name: name)
        }
        return campaign
    }

    /// Runs `body` with a writer to `destination`. A file is written under a temporary name next to
    /// it (``ReplacementFile``) and renamed into place only when `body` succeeds; on failure the
    /// temporary file is removed.
    func write<Result>(
        to destination: ExportDestination,
        _ body: (BufferedFileWriter) throws -> Result
    ) throws -> Result {
        switch destination {
        case .standardOutput:
            let writer = BufferedFileWriter.standardOutput()
            let result = try body(writer)
            try writer.flush()
            return result
        case .file(let path):
            do {
                let file = try ReplacementFile(path: path)
                do {
                    let writer = BufferedFileWriter(descriptor: file.descriptor, path: path)
                    let result = try body(writer)
                    try writer.flush()
                    try file.commit()
                    return result
                } catch {
                    file.discard()
                    throw error
                }
            } catch let error as ReplacementFileError {
                throw CampaignReportError.cannotWrite(path: error.path, reason: error.reason)
            }
        }
    }
}
