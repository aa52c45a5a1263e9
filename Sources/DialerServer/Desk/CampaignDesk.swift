import CampaignEngine
import CampaignReports
import CampaignService
import CampaignStore
import Foundation
import HTTPTypes

/// What the API and the dashboard do with campaigns, in one place: list, status, start, pause, resume,
/// cancel, contacts and exports. Failures come out as ``APIError``s with stable codes.
struct CampaignDesk: Sendable {
    let store: any DialerStore
    let board: CampaignBoard
    /// Settings given on `serve`'s command line, applied when a campaign is started here.
    let defaults: SettingsOverrides

    var reporter: CampaignReporter { CampaignReporter(store: store) }
    var control: CampaignControl { CampaignControl(store: store) }

    /// Every campaign, oldest first.
    func campaigns(now: Date = Date()) async throws -> [CampaignView] {
        try await translating {
            var views: [CampaignView] = []
            for campaign in try await store.campaigns().sorted(by: { $0.createdAt < $1.createdAt }) {
                let summary = try await reporter.status(campaign: campaign.name, now: now)
                views.append(view(of: campaign, summary: summary, now: now))
            }
            return views
        }
    }

    /// One campaign's view and stored summary.
    func status(_ name: String, now: Date = Date()) async throws -> (view: CampaignView, summary: CampaignStatusSummary) {
        try await translating(name) {
            let campaign = try await find(name)
            let summary = try await reporter.status(campaign: name, now: now)
            return (view(of: campaign, summary: summary, now: now), summary)
        }
    }

    private func view(of campaign: Campaign, summary: CampaignStatusSummary, now: Date) -> CampaignView {
        CampaignView(
            summary: summary, entry: board.entry(campaign.id),
            timeZone: campaign.settings.defaultTimeZone.flatMap(TimeZone.init(identifier:)), now: now)
    }

    /// Marks a campaign running with the server's default settings and `overrides` applied on top.
    func start(_ name: String, overrides: SettingsOverrides = SettingsOverrides()) async throws -> CampaignStateChange {
        try await translating(name) {
            let campaign = try await find(name)
            let settings: CampaignSettings
            do {
                settings = try EngineConfiguration(stored: campaign.settings).applying(defaults).applying(overrides)
                    .storedSettings(keeping: campaign.settings)
            } catch let error as CampaignSettingsError {
                throw APIError(.unprocessableContent, code: "invalid_settings", message: error.description)
            }
            let change = try await control.start(campaign: name, settings: settings)
            noteStarted(campaign.id)
            return change
        }
    }

    /// Resumes a paused campaign.
    func resume(_ name: String) async throws -> CampaignStateChange {
        try await translating(name) {
            let campaign = try await find(name)
            let change = try await control.resume(campaign: name)
            noteStarted(campaign.id)
            return change
        }
    }

    /// Pauses a campaign.
    func pause(_ name: String) async throws -> CampaignStateChange {
        try await translating(name) { try await control.pause(campaign: name) }
    }

    /// Cancels a campaign.
    func cancel(_ name: String) async throws -> CampaignStateChange {
        try await translating(name) { try await control.cancel(campaign: name) }
    }

    /// A started campaign whose runner is still stopping here must be marked running again when it
    /// returns (its end would otherwise overwrite the start).
    private func noteStarted(_ id: Int64) {
        board.update(id) { entry in
            if entry.runner.isActive { entry.restartRequested = true }
            if case .failed = entry.runner { entry.runner = .idle }
        }
    }

    /// One page of contacts.
    func contacts(_ name: String, query: ContactQuery) async throws -> ContactPage {
        try await translating(name) { try await reporter.contacts(campaign: name, query: query) }
    }

    /// One contact with every attempt.
    func contact(_ name: String, id: Int64) async throws -> ContactDetail {
        try await translating(name) {
            let campaign = try await find(name)
            guard id > 0, let contact = try await store.contacts(ofCampaign: campaign.id, afterID: id - 1, limit: 1).first,
                contact.id == id
            else {
                throw APIError(.notFound, code: "contact_not_found", message: "Campaign \(name) has no contact \(id).")
            }
            return ContactDetail(contact: contact, attempts: try await store.attempts(ofContact: id))
        }
    }

    /// Writes a report into a new owner-only temporary file and returns its path; the caller streams
    /// and removes it.
    func export(_ name: String, format: ExportFormat) async throws -> String {
        try await translating(name) {
            _ = try await find(name)
            let directory = FileManager.default.temporaryDirectory.path
            let path = "\(directory)/vaani-dialer-export-\(UUID().uuidString).\(format.fileExtension)"
            switch format {
            case .csv: _ = try await reporter.exportCSV(campaign: name, to: .file(path: path))
            case .json: _ = try await reporter.exportJSONLines(campaign: name, to: .file(path: path))
            case .html: try await reporter.exportHTML(campaign: name, to: .file(path: path))
            }
            return path
        }
    }

    /// Whether the store answers.
    func isStoreReachable() async -> Bool {
        (try? await store.campaigns()) != nil
    }

    private func find(_ name: String) async throws -> Campaign {
        guard let campaign = try await store.campaign(named: name) else { throw APIError.campaignNotFound(name) }
        return campaign
    }

    /// Runs `body`, turning the libraries' errors into API errors.
    private func translating<T>(_ name: String? = nil, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as APIError {
            throw error
        } catch let error as CampaignControlError {
            let status: HTTPResponse.Status = error.code == "campaign_not_found" ? .notFound : .conflict
            throw APIError(status, code: error.code, message: error.description)
        } catch let error as CampaignReportError {
            if let name, error == .unknownCampaign(name: name) { throw APIError.campaignNotFound(name) }
            throw APIError(.internalServerError, code: "report_failed", message: error.description)
        } catch let error as CampaignSettingsError {
            throw APIError(.unprocessableContent, code: "invalid_settings", message: error.description)
        } catch {
            if let storeError = store.storeError(for: error) {
                throw APIError(.serviceUnavailable, code: "store_unavailable", message: storeError.description)
            }
            throw error
        }
    }
}
