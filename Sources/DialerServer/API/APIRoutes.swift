import CampaignEngine
import CampaignReports
import CampaignService
import CampaignStore
import Foundation
import Hummingbird

/// The HTTP API under `/api/v1`, as `openapi.yaml` describes it: list, status, start, pause, resume,
/// cancel, contacts, exports and a live event stream per campaign.
struct APIRoutes {
    let desk: CampaignDesk
    let events: CampaignEvents

    func register(on router: RouterGroup<DialerRequestContext>) {
        let api = router.group("api/v1")
        api.get("openapi.yaml") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/yaml; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml + "\n")))
        }
        api.get("campaigns") { _, _ in
            JSONResponse.make(CampaignListResponse(campaigns: try await desk.campaigns()))
        }
        api.get("campaigns/:name") { _, context in
            let (view, summary) = try await desk.status(try Self.name(context))
            return JSONResponse.make(CampaignStatusResponse(campaign: view, summary: summary))
        }
        api.post("campaigns/:name/start") { request, context in
            let name = try Self.name(context)
            let overrides = try await StartSettings.decode(from: request, context: context).overrides()
            return try await action(name) { try await desk.start(name, overrides: overrides) }
        }
        api.post("campaigns/:name/pause") { _, context in
            let name = try Self.name(context)
            return try await action(name) { try await desk.pause(name) }
        }
        api.post("campaigns/:name/resume") { _, context in
            let name = try Self.name(context)
            return try await action(name) { try await desk.resume(name) }
        }
        api.post("campaigns/:name/cancel") { _, context in
            let name = try Self.name(context)
            return try await action(name) { try await desk.cancel(name) }
        }
        api.get("campaigns/:name/contacts") { request, context in
            let query = try Self.contactQuery(request)
            return JSONResponse.make(try await desk.contacts(try Self.name(context), query: query))
        }
        api.get("campaigns/:name/contacts/:id") { _, context in
            guard let id = context.parameters.get("id", as: Int64.self) else {
                throw APIError.invalidParameter("id", "must be a contact id (a positive integer)")
            }
            return JSONResponse.make(try await desk.contact(try Self.name(context), id: id))
        }
        api.get("campaigns/:name/export/:format") { _, context in
            let name = try Self.name(context)
            let format = try Self.exportFormat(context.parameters.get("format") ?? "")
            let path = try await desk.export(name, format: format)
            return try ExportFile.response(path: path, format: format, campaign: name)
        }
        api.get("campaigns/:name/events") { _, context in
            try await events.response(campaign: try Self.name(context))
        }
    }

    private func action(_ name: String, _ body: () async throws -> CampaignStateChange) async throws -> Response {
        let change = try await body()
        let (view, _) = try await desk.status(name)
        return JSONResponse.make(
            ActionResponse(
                campaign: view, previousState: change.previous.description, state: change.current.description,
                changed: change.changed, cancelledContacts: change.cancelledContacts))
    }

    /// The campaign name of the path, percent-decoded.
    static func name(_ context: DialerRequestContext) throws -> String {
        let raw = try context.parameters.require("name")
        return raw.removingPercentEncoding ?? raw
    }

    /// `?page=&per_page=&q=&status=` as a query.
    static func contactQuery(_ request: Request) throws -> ContactQuery {
        let fields = FormFields(request.uri.query ?? "")
        func positive(_ name: String, default value: Int) throws -> Int {
            guard let text = fields[name], !text.isEmpty else { return value }
            guard let number = Int(text), number >= 1 else {
                throw APIError.invalidParameter(name, "must be a positive integer, got \"\(text)\"")
            }
            return number
        }
        let perPage = try positive("per_page", default: 50)
        guard perPage <= ContactQuery.maximumPerPage else {
            throw APIError.invalidParameter("per_page", "must be at most \(ContactQuery.maximumPerPage)")
        }
        var status = fields["status"].flatMap { $0.isEmpty ? nil : $0 }
        if let text = status {
            guard ContactStatus(rawValue: text) != nil else {
                throw APIError.invalidParameter(
                    "status", "must be one of \(ContactStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            status = text
        }
        return ContactQuery(
            search: fields["q"]?.trimmingCharacters(in: .whitespaces) ?? "", status: status,
            page: try positive("page", default: 1), perPage: perPage)
    }

    /// `csv`, `jsonl` or `html`.
    static func exportFormat(_ text: String) throws -> ExportFormat {
        switch text {
        case "csv": .csv
        case "jsonl", "json": .json
        case "html": .html
        default: throw APIError.invalidParameter("format", "must be csv, jsonl or html")
        }
    }
}

/// `GET /api/v1/campaigns`.
struct CampaignListResponse: Codable, Sendable {
    var campaigns: [CampaignView]
}

/// `GET /api/v1/campaigns/{name}`.
struct CampaignStatusResponse: Codable, Sendable {
    var campaign: CampaignView
    var summary: CampaignStatusSummary
}

/// The answer to start, pause, resume and cancel.
struct ActionResponse: Codable, Sendable {
    var campaign: CampaignView
    var previousState: String
    var state: String
    var changed: Bool
    var cancelledContacts: Int

    enum CodingKeys: String, CodingKey {
        case campaign
        case previousState = "previous_state"
        case state, changed
        case cancelledContacts = "cancelled_contacts"
    }
}
