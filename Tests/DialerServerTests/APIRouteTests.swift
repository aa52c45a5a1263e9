import CampaignReports
import CampaignStore
@testable import DialerServer
import Foundation
import SQLiteStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Every route of the API and the dashboard over a real SQLite store, through Hummingbird's router
/// test client (the end-to-end tests run the same routes over sockets with campaigns dialing).
@Suite("API routes")
struct APIRouteTests {
    @Test("list and status show each campaign with its state, totals and phase in words")
    func listAndStatus() async throws {
        let store = try TestStore(campaigns: ["alpha", "beta two"], contacts: 12)
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            try await client.execute(uri: "/api/v1/campaigns", method: .get, headers: RouteTesting.bearer) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let list = try RouteTesting.json(CampaignListResponse.self, response)
                #expect(list.campaigns.map(\.name) == ["alpha", "beta two"])
                #expect(list.campaigns.allSatisfy { $0.total == 12 && $0.done == 0 && $0.state == "ready" })
                #expect(list.campaigns.first?.phase == "ready — not started")
            }
            try await client.execute(uri: "/api/v1/campaigns/beta%20two", method: .get, headers: RouteTesting.bearer) {
                response in
                #expect(response.status == .ok)
                let status = try RouteTesting.json(CampaignStatusResponse.self, response)
                #expect(status.campaign.name == "beta two")
                #expect(status.summary.contacts == 12)
                #expect(status.campaign.contactsByState["pending"] == 12)
            }
            try await client.execute(uri: "/api/v1/campaigns/nope", method: .get, headers: RouteTesting.bearer) {
                response in
                #expect(response.status == .notFound)
                #expect(RouteTesting.errorCode(response) == "campaign_not_found")
            }
            try await client.execute(uri: "/api/v1/nothing-here", method: .get, headers: RouteTesting.bearer) {
                response in
                #expect(response.status == .notFound)
                #expect(RouteTesting.errorCode(response) == "not_found")
            }
        }
    }

    @Test("start stores the given settings and marks running; pause, resume and cancel follow the lifecycle")
    func actions() async throws {
        let store = try TestStore(campaigns: ["alpha"], contacts: 5)
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            let start = #"{"rate": 2.5, "concurrency": 3, "calling_hours": "09:00-21:00", "days": "mon-fri", "retry_delay": {"busy": "15m", "voicemail": "never"}}"#
            try await client.execute(
                uri: "/api/v1/campaigns/alpha/start", method: .post, headers: RouteTesting.bearer,
                body: ByteBuffer(string: start)
            ) { response in
                #expect(response.status == .ok)
                let result = try RouteTesting.json(ActionResponse.self, response)
                #expect(result.previousState == "ready")
                #expect(result.state == "running")
                #expect(result.changed)
            }
            let stored = try #require(try store.database.campaign(named: "alpha"))
            #expect(stored.status == .running)
            #expect(stored.settings.callsPerSecond == 2.5)
            #expect(stored.settings.concurrency == 3)
            #expect(stored.settings.callingHours == .init(startMinute: 540, endMinute: 1260))
            #expect(stored.settings.callingDays == [.mon, .tue, .wed, .thu, .fri])
            #expect(stored.settings.retryDelays.busySeconds == 900)
            #expect(stored.settings.retryDelays.voicemailSeconds == -1)

            for (action, state) in [("pause", "paused: paused by user"), ("pause", "paused: paused by user"), ("resume", "running")] {
                try await client.execute(uri: "/api/v1/campaigns/alpha/\(action)", method: .post, headers: RouteTesting.bearer) {
                    response in
                    #expect(response.status == .ok)
                    let result = try RouteTesting.json(ActionResponse.self, response)
                    #expect(result.state == state)
                }
            }
            try await client.execute(uri: "/api/v1/campaigns/alpha/cancel", method: .post, headers: RouteTesting.bearer) {
                response in
                let result = try RouteTesting.json(ActionResponse.self, response)
                #expect(result.state == "cancelled")
                #expect(result.cancelledContacts == 5)
            }
            for action in ["start", "resume", "pause"] {
                try await client.execute(uri: "/api/v1/campaigns/alpha/\(action)", method: .post, headers: RouteTesting.bearer) {
                    response in
                    #expect(response.status == .conflict, "\(action)")
                    #expect(RouteTesting.errorCode(response) == "invalid_state")
                }
            }
            try await client.execute(uri: "/api/v1/campaigns/ghost/pause", method: .post, headers: RouteTesting.bearer) {
                #expect(RouteTesting.errorCode($0) == "campaign_not_found")
            }
        }
        #expect(try store.database.contactCounts(ofCampaign: store.campaigns[0].id) == [.cancelled: 5])
    }

    @Test("a start with a bad body or bad settings is refused with a clear error and changes nothing")
    func badStart() async throws {
        let store = try TestStore(campaigns: ["alpha"], contacts: 2)
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("not json", .badRequest, "invalid_body"),
                (#"{"rate": "fast"}"#, .badRequest, "invalid_body"),
                (#"{"rate": -1}"#, .unprocessableContent, "invalid_settings"),
                (#"{"calling_hours": "25:00-26:00"}"#, .unprocessableContent, "invalid_settings"),
                (#"{"retry_delay": {"completed": "1h"}}"#, .unprocessableContent, "invalid_settings"),
                (#"{"timezone": "Mars/Olympus"}"#, .unprocessableContent, "invalid_settings"),
            ]
            for (body, status, code) in cases {
                try await client.execute(
                    uri: "/api/v1/campaigns/alpha/start", method: .post, headers: RouteTesting.bearer,
                    body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == status, "\(body)")
                    #expect(RouteTesting.errorCode(response) == code, "\(body)")
                }
            }
        }
        let stored = try #require(try store.database.campaign(named: "alpha"))
        #expect(stored.status == .ready)
        #expect(stored.settings == CampaignSettings())
    }

    @Test("contacts page on the server, search name, number and summary, and filter by status")
    func contacts() async throws {
        let store = try TestStore(campaigns: ["alpha"], contacts: 120)
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            try await client.execute(uri: "/api/v1/campaigns/alpha/contacts?per_page=50&page=3", method: .get, headers: RouteTesting.bearer) {
                response in
                let page = try RouteTesting.json(ContactPage.self, response)
                #expect(page.total == 120)
                #expect(page.pages == 3)
                #expect(page.contacts.count == 20)
                #expect(page.contacts.first?.rowNumber == 102)
            }
            try await client.execute(uri: "/api/v1/campaigns/alpha/contacts?q=asha+rao", method: .get, headers: RouteTesting.bearer) {
                response in
                let page = try RouteTesting.json(ContactPage.self, response)
                #expect(page.total == 40)
                #expect(page.contacts.allSatisfy { $0.name.hasPrefix("Asha Rao") })
            }
            let number = TestStore.number(campaign: 0, contact: 7)
            let typed = "98 0000 0007".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await client.execute(uri: "/api/v1/campaigns/alpha/contacts?q=\(typed)", method: .get, headers: RouteTesting.bearer) {
                response in
                let page = try RouteTesting.json(ContactPage.self, response)
                #expect(page.contacts.map(\.phone) == [number])
            }
            try await client.execute(uri: "/api/v1/campaigns/alpha/contacts?status=completed", method: .get, headers: RouteTesting.bearer) {
                let page = try RouteTesting.json(ContactPage.self, $0)
                #expect(page.total == 0)
            }
            try await client.execute(uri: "/api/v1/campaigns/alpha/contacts?status=pending&q=Person", method: .get, headers: RouteTesting.bearer) {
                let page = try RouteTesting.json(ContactPage.self, $0)
                #expect(page.total == 80)
            }
            for query in ["status=happy", "page=0", "per_page=501", "page=x"] {
                try await client.execute(uri: "/api/v1/campaigns/alpha/contacts?\(query)", method: .get, headers: RouteTesting.bearer) {
                    response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(RouteTesting.errorCode(response) == "invalid_parameter")
                }
            }
            let id = try #require(try store.database.contact(phoneE164: number, inCampaign: store.campaigns[0].id)?.id)
            try await client.execute(uri: "/api/v1/campaigns/alpha/contacts/\(id)", method: .get, headers: RouteTesting.bearer) {
                response in
                let detail = try RouteTesting.json(ContactDetail.self, response)
                #expect(detail.contact.phone == number)
                #expect(detail.attempts.isEmpty)
            }
            for path in ["/api/v1/campaigns/alpha/contacts/999999", "/api/v1/campaigns/alpha/contacts/0"] {
                try await client.execute(uri: path, method: .get, headers: RouteTesting.bearer) {
                    #expect(RouteTesting.errorCode($0) == "contact_not_found")
                }
            }
            try await client.execute(uri: "/api/v1/campaigns/alpha/contacts/abc", method: .get, headers: RouteTesting.bearer) {
                #expect(RouteTesting.errorCode($0) == "invalid_parameter")
            }
        }
    }

    @Test("exports stream CSV, JSON Lines and HTML as downloads; an unknown format is refused")
    func exports() async throws {
        let store = try TestStore(campaigns: ["alpha"], contacts: 4)
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            for (format, type, marker) in [
                ("csv", "text/csv", "contact_number"), ("jsonl", "application/jsonl", "\"contact_number\""),
                ("html", "text/html", "<!doctype html>"),
            ] {
                try await client.execute(uri: "/api/v1/campaigns/alpha/export/\(format)", method: .get, headers: RouteTesting.bearer) {
                    response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType]?.hasPrefix(type) == true)
                    #expect(response.headers[.contentDisposition] == "attachment; filename=\"alpha.\(format)\"")
                    let text = String(buffer: response.body)
                    #expect(text.lowercased().contains(marker.lowercased()), "\(format)")
                    if format == "csv" { #expect(text.contains(TestStore.number(campaign: 0, contact: 3))) }
                }
            }
            try await client.execute(uri: "/api/v1/campaigns/alpha/export/pdf", method: .get, headers: RouteTesting.bearer) {
                #expect(RouteTesting.errorCode($0) == "invalid_parameter")
            }
            try await client.execute(uri: "/api/v1/campaigns/ghost/export/csv", method: .get, headers: RouteTesting.bearer) {
                #expect(RouteTesting.errorCode($0) == "campaign_not_found")
            }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasPrefix("vaani-dialer-export-") }
        #expect(leftovers.isEmpty)
    }

    @Test("/readyz, /metrics and the OpenAPI document answer with a token; the document is the one in the repository")
    func operations() async throws {
        let store = try TestStore(campaigns: ["alpha"], contacts: 3)
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            try await client.execute(uri: "/readyz", method: .get, headers: RouteTesting.bearer) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/metrics", method: .get, headers: RouteTesting.bearer) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                let text = String(buffer: response.body)
                #expect(text.contains(#"vaani_dialer_contacts{campaign="alpha",state="pending"} 3"#))
                #expect(text.contains(#"vaani_dialer_webhook_deliveries_total{result="delivered"} 0"#))
            }
            try await client.execute(uri: "/api/v1/openapi.yaml", method: .get, headers: RouteTesting.bearer) { response in
                #expect(response.status == .ok)
                let document = try OpenAPIFile.text()
                #expect(String(buffer: response.body) == document)
            }
        }
    }

    @Test("every path of the OpenAPI document is routed, and every API route is documented")
    func documentMatchesRoutes() async throws {
        let documented = try OpenAPIFile.paths()
        #expect(documented.count >= 14)
        let store = try TestStore(campaigns: ["alpha"], contacts: 1)
        defer { store.remove() }
        let id = try #require(try store.database.contacts(ofCampaign: store.campaigns[0].id, afterID: 0, limit: 1).first?.id)
        try await RouteTesting.withRoutes(store) { client in
            // The event stream never ends and the upload needs a file: their own tests cover them.
            for (path, method) in documented
            where !path.hasSuffix("/events") && !path.hasSuffix("/rejects") && !(path == "/api/v1/campaigns" && method == "post") {
                let uri = path.replacingOccurrences(of: "{name}", with: "alpha")
                    .replacingOccurrences(of: "{id}", with: "\(id)").replacingOccurrences(of: "{format}", with: "csv")
                try await client.execute(uri: uri, method: method == "post" ? .post : .get, headers: RouteTesting.bearer) {
                    response in
                    #expect(response.status.code < 400, "\(method.uppercased()) \(path) answered \(response.status.code)")
                }
            }
        }
        let routed = [
            "/healthz", "/readyz", "/metrics", "/api/v1/openapi.yaml", "/api/v1/campaigns", "/api/v1/campaigns/{name}",
            "/api/v1/campaigns/{name}/start", "/api/v1/campaigns/{name}/pause", "/api/v1/campaigns/{name}/resume",
            "/api/v1/campaigns/{name}/cancel", "/api/v1/campaigns/{name}/contacts",
            "/api/v1/campaigns/{name}/contacts/{id}", "/api/v1/campaigns/{name}/export/{format}",
            "/api/v1/campaigns/{name}/events", "/api/v1/campaigns/{name}/rejects",
        ]
        #expect(Set(documented.map(\.path)) == Set(routed))
    }
}

/// The repository's `openapi.yaml`, read from the source tree.
enum OpenAPIFile {
    static var url: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/DialerServer/openapi.yaml")
    }

    static func text() throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// The document's paths with their methods (from its two-space `  /path:` and four-space `    get:` lines).
    static func paths() throws -> [(path: String, method: String)] {
        var result: [(String, String)] = []
        var current: String?
        var inPaths = false
        for line in try text().split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true; continue }
            if inPaths, let first = line.first, first != " " { break }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                current = String(line.dropFirst(2).dropLast())
            } else if let current, line.hasPrefix("    "), !line.hasPrefix("     "),
                let method = ["get:", "post:", "put:", "delete:", "patch:"].first(where: { line.dropFirst(4) == $0 })
            {
                result.append((current, String(method.dropLast())))
            }
        }
        return result
    }
}
