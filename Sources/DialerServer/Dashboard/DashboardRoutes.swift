import CampaignEngine
import CampaignReports
import Foundation
import Hummingbird

/// The dashboard's pages and forms: the campaigns list, a campaign's live page and its controls, the
/// contacts table and a contact's page.
struct DashboardRoutes {
    let desk: CampaignDesk
    let sessions: SessionCookie

    func registerProtected(on router: RouterGroup<DialerRequestContext>) {
        router.get("/") { _, context in
            CampaignListPage(campaigns: try await desk.campaigns(), csrf: csrf(context)).page.response()
        }
        router.get("new-campaign") { _, context in
            NewCampaignPage(csrf: csrf(context) ?? "").page.response()
        }
        router.get("campaigns/:name") { _, context in
            let name = try APIRoutes.name(context)
            return CampaignPage(view: try await desk.status(name).view, csrf: csrf(context) ?? "").page.response()
        }
        router.post("campaigns/:name/:action") { request, context in
            let name = try APIRoutes.name(context)
            do {
                switch context.parameters.get("action") ?? "" {
                case "start": _ = try await desk.start(name, overrides: try await Self.startSettings(request, context))
                case "pause": _ = try await desk.pause(name)
                case "resume": _ = try await desk.resume(name)
                case "cancel": _ = try await desk.cancel(name)
                default: throw APIError(.notFound, code: "not_found", message: "No such action.")
                }
            } catch let error as APIError where error.code != "campaign_not_found" && error.code != "not_found" {
                let view = try await desk.status(name).view
                return CampaignPage(view: view, csrf: csrf(context) ?? "", notice: error.message).page
                    .response(status: error.status)
            }
            return Response(
                status: .seeOther, headers: [.location: DashboardFormat.campaignPath(name), .cacheControl: "no-store"])
        }
        router.get("campaigns/:name/contacts") { request, context in
            let name = try APIRoutes.name(context)
            let query = try APIRoutes.contactQuery(request)
            let contacts = try await desk.contacts(name, query: query)
            return ContactsPage(campaign: name, query: query, contacts: contacts, csrf: csrf(context) ?? "").page.response()
        }
        router.get("campaigns/:name/contacts/:id") { _, context in
            let name = try APIRoutes.name(context)
            guard let id = context.parameters.get("id", as: Int64.self) else {
                throw APIError.invalidParameter("id", "must be a contact id")
            }
            let detail = try await desk.contact(name, id: id)
            return ContactPageView(campaign: name, detail: detail, csrf: csrf(context) ?? "").page.response()
        }
        router.post("logout") { _, _ in
            var response = Response(status: .seeOther, headers: [.location: "/login", .cacheControl: "no-store"])
            response.setCookie(
                Cookie(name: SessionCookie.name, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
    }

    /// The CSRF token of a cookie session, for the page's forms.
    private func csrf(_ context: DialerRequestContext) -> String? {
        if case .session(let session) = context.access { return sessions.csrfToken(forSession: session) }
        return nil
    }

    /// The start form's optional settings (rate, concurrency).
    static func startSettings(_ request: Request, _ context: DialerRequestContext) async throws -> SettingsOverrides {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let fields = FormFields(String(buffer: body))
        var settings = StartSettings()
        if let text = fields["rate"], !text.isEmpty {
            guard let rate = Double(text) else { throw APIError.invalidParameter("rate", "must be a number") }
            settings.rate = rate
        }
        if let text = fields["concurrency"], !text.isEmpty {
            guard let concurrency = Int(text) else { throw APIError.invalidParameter("concurrency", "must be an integer") }
            settings.concurrency = concurrency
        }
        return try settings.overrides()
    }
}
