import CampaignStore
@testable import DialerServer
import Foundation
import SQLiteStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The dashboard's pages: what they show and the `data-test` hooks a browser test relies on.
@Suite("Dashboard")
struct DashboardTests {
    @Test("the campaigns list links each campaign and shows its progress")
    func list() async throws {
        let store = try TestStore(campaigns: ["alpha", "Büro <2>"], contacts: 3)
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            let session = try await RouteTesting.logIn(client)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: session.cookie]) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let page = String(buffer: response.body)
                #expect(page.contains("data-test=\"campaign\" href=\"/campaigns/alpha\""))
                #expect(page.contains("href=\"/campaigns/B%C3%BCro%20%3C2%3E\""))
                #expect(page.contains("Büro &lt;2&gt;"))
                #expect(!page.contains("Büro <2>"))
                #expect(page.contains("<progress"))
                #expect(!page.contains("http://") && !page.contains("https://"), "no external resource")
            }
        }
    }

    @Test("a campaign's page carries every live number and control, wired to its event stream")
    func campaignPage() async throws {
        let store = try TestStore(campaigns: ["alpha"], contacts: 3)
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            let session = try await RouteTesting.logIn(client)
            try await client.execute(uri: "/campaigns/alpha", method: .get, headers: [.cookie: session.cookie]) { response in
                let page = String(buffer: response.body)
                for hook in ["done", "total", "in-flight", "active-calls", "calls-per-second", "phase", "start", "pause", "resume", "cancel"] {
                    #expect(page.contains("data-test=\"\(hook)\""), "\(hook)")
                }
                #expect(page.contains("data-events=\"/api/v1/campaigns/alpha/events\""))
                #expect(page.contains("data-confirm="))
                #expect(page.contains("name=\"csrf\" value=\"\(session.csrf)\""))
                #expect(page.contains("<svg"))
            }
            try await client.execute(uri: "/campaigns/ghost", method: .get, headers: [.cookie: session.cookie]) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("No campaign named"))
            }
            // A refused action shows the reason on the page.
            try await client.execute(
                uri: "/campaigns/alpha/resume", method: .post,
                headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(session.csrf)")
            ) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(
                uri: "/campaigns/alpha/cancel", method: .post,
                headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(session.csrf)")
            ) { #expect($0.status == .seeOther) }
            try await client.execute(
                uri: "/campaigns/alpha/start", method: .post,
                headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(session.csrf)&rate=3")
            ) { response in
                #expect(response.status == .conflict)
                #expect(String(buffer: response.body).contains("cancelled"))
            }
        }
    }

    @Test("the contacts table pages, searches and filters on the server; a contact's page shows its number in full")
    func contacts() async throws {
        let store = try TestStore(campaigns: ["alpha"], contacts: 75)
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            let session = try await RouteTesting.logIn(client)
            try await client.execute(uri: "/campaigns/alpha/contacts", method: .get, headers: [.cookie: session.cookie]) {
                response in
                let page = String(buffer: response.body)
                #expect(page.components(separatedBy: "data-test=\"contact-row\"").count - 1 == 50)
                #expect(page.contains("data-test=\"search\""))
                #expect(page.contains("page 1 of 2"))
                #expect(page.contains("data-test=\"next\""))
            }
            try await client.execute(
                uri: "/campaigns/alpha/contacts?q=Asha+Rao&status=pending", method: .get, headers: [.cookie: session.cookie]
            ) { response in
                let page = String(buffer: response.body)
                #expect(page.components(separatedBy: "data-test=\"contact-row\"").count - 1 == 25)
                #expect(page.contains("value=\"Asha Rao\""))
                #expect(page.contains("<option value=\"pending\" selected>"))
            }
            let number = TestStore.number(campaign: 0, contact: 4)
            let id = try #require(try store.database.contact(phoneE164: number, inCampaign: store.campaigns[0].id)?.id)
            try await client.execute(uri: "/campaigns/alpha/contacts/\(id)", method: .get, headers: [.cookie: session.cookie]) {
                response in
                let page = String(buffer: response.body)
                #expect(page.contains("data-test=\"phone\">\(number)<"))
                #expect(page.contains("Not called yet"))
            }
        }
    }

    @Test("the stylesheet and script are served from the server itself, without a session")
    func assets() async throws {
        let store = try TestStore()
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            try await client.execute(uri: "/assets/dashboard.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("EventSource"))
            }
            try await client.execute(uri: "/assets/dashboard.css", method: .get) { #expect($0.status == .ok) }
        }
    }
}
