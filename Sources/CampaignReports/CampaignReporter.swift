public import CampaignStore
import FileReplacement
import Foundation

/// Produces everything a user learns from a campaign: the list of campaigns, one campaign's status,
/// and its CSV, JSON Lines and HTML reports.
///
/// Every method reads one consistent snapshot of the store (``ReportSource``: with SQLite, a read
/// transaction that never blocks a running campaign's writes), and the exports stream rows from the
/// store into a buffered writer, so memory stays flat however many contacts there are.
///
/// ```swift
/// let reporter = CampaignReporter(store: try CampaignDatabase.open(at: "vaani-dialer.sqlite"))
/// let summary = try await reporter.status(campaign: "renewals")
/// try await reporter.exportCSV(campaign: "renewals", to: .file(path: "renewals.csv"))
/// ```
public struct CampaignReporter: Sendable {
    /// The store the reports read.
    public let store: any ReportSource & RateLimitMemory

    /// Creates a reporter over an open store.
    ///
    /// - Parameter store: The product's store, opened once per process.
    public init(store: any ReportSource & RateLimitMemory) {
        self.store = store
    }

    /// The campaign called `name` in `snapshot`.
    ///
    /// - Throws: ``CampaignReportError/unknownCampaign(name:)`` when there is none.
    func campaign(named name: String, in snapshot: any ReportSnapshot) async throws -> Campaign {
        guard let campaign = try await snapshot.campaign(named: name) else {
            throw CampaignReportError.unknownCampaign(name: name)
        }
        return campaign
    }

    /// Runs `body` with a writer to `destination`. A file is written under a temporary name next to
    /// it (``ReplacementFile``) and renamed into place only when `body` succeeds; on failure the
    /// temporary file is removed.
    func write<Result>(
        to destination: ExportDestination,
        _ body: (BufferedFileWriter) async throws -> Result
    ) async throws -> Result {
        switch destination {
        case .standardOutput:
            let writer = BufferedFileWriter.standardOutput()
            let result = try await body(writer)
            try writer.flush()
            return result
        case .file(let path):
            do {
                let file = try ReplacementFile(path: path)
                do {
                    let writer = BufferedFileWriter(descriptor: file.descriptor, path: path)
                    let result = try await body(writer)
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
