import CampaignStore
import ContactImport
import Foundation
import Hummingbird

extension CampaignDesk {
    /// What an upload names: the campaign, its agent and how to read the file.
    struct UploadTarget: Sendable {
        var campaign: String
        var agentID: String
        var region: String?
        var phoneColumn: String?
        var nameColumn: String?
    }

    /// Streams an uploaded CSV to disk beside the store, imports it into the campaign (created when
    /// new), and removes the upload. A file that is too large, not CSV, not UTF-8 or without a phone
    /// column is refused before anything is stored.
    func importUpload(_ request: Request, target: UploadTarget, limit: Int) async throws -> ImportResult {
        guard !target.agentID.isEmpty else { throw APIError.invalidParameter("agent", "name the Vaani agent that places the calls") }
        do {
            try Campaign.validateName(target.campaign)
        } catch {
            throw APIError(.unprocessableContent, code: "invalid_parameter", message: "name: \(error)")
        }
        let directory = store.sidecarDirectory + "/uploads"
        let upload = try await UploadedCSV.receive(request, into: directory, limit: limit)
        defer { try? FileManager.default.removeItem(atPath: upload.path) }
        let importer = ContactImporter(store: store)
        let summary: ImportSummary
        do {
            summary = try await importer.importContacts(
                from: upload.path,
                options: ContactImportOptions(
                    campaign: target.campaign, agentID: target.agentID, defaultRegion: target.region,
                    phoneColumn: target.phoneColumn, nameColumn: target.nameColumn))
        } catch let error as ContactImportError {
            let code =
                switch error.code {
                case .noPhoneColumn: "no_phone_column"
                case .columnNotFound: "column_not_found"
                case .unknownRegion: "invalid_parameter"
                case .stopped: "import_stopped"
                default: "import_failed"
                }
            throw APIError(.unprocessableContent, code: code, message: Self.withoutUploadPath(error.message, upload.path))
        } catch let error as CSVError {
            let code = error.code == .notUTF8 ? "wrong_encoding" : error.code == .binary ? "not_csv" : "invalid_csv"
            throw APIError(.unprocessableContent, code: code, message: Self.withoutUploadPath(error.description, upload.path))
        } catch let error as CampaignStoreError where error.code == .campaignAgentMismatch {
            throw APIError(.conflict, code: "campaign_agent_mismatch", message: error.message)
        }
        let view = try await status(target.campaign).view
        let counts = summary.counts
        return ImportResult(
            campaign: view,
            counts: .init(
                rows: counts.rows, imported: counts.imported, rejected: counts.rejected, duplicates: counts.duplicates,
                suppressed: counts.suppressed),
            rejectedByReason: summary.rejectedByReason.map { .init(reason: $0.reason, count: $0.count) },
            rejectsURL: summary.rejectsPath == nil
                ? nil : "/api/v1/campaigns/\(FormFields.encode(target.campaign))/rejects",
            phoneColumn: summary.columns.columnName(summary.columns.phone),
            nameColumn: summary.columns.nameDescription,
            warnings: summary.warnings)
    }

    /// The rejects file of a campaign's last import, when there is one.
    func rejectsFile(_ name: String) async throws -> String {
        let campaign = try await status(name).view.name
        let path = ContactImporter(store: store).defaultRejectsPath(campaign: campaign)
        guard FileManager.default.fileExists(atPath: path) else {
            throw APIError(.notFound, code: "no_rejects", message: "Campaign \(name) has no rejected rows.")
        }
        return path
    }

    /// A message with the upload's temporary path replaced by "the upload".
    static func withoutUploadPath(_ message: String, _ path: String) -> String {
        message.replacingOccurrences(of: path, with: "the upload")
    }
}
