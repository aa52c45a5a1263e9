import CampaignStore
@testable import DialerServer
import Foundation
import SQLiteStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The token, cookie and CSRF rules, through Hummingbird's router test client.
@Suite("Access")
struct AccessTests {
    @Test("/healthz answers without a token; every other route needs one")
    func tokenRequired() async throws {
        let store = try TestStore()
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            for path in ["/api/v1/campaigns", "/api/v1/campaigns/alpha", "/metrics", "/readyz", "/api/v1/openapi.yaml"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .unauthorized, "\(path)")
                    #expect(RouteTesting.errorCode(response) == "unauthorized")
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                }
            }
            try await client.execute(uri: "/api/v1/campaigns/alpha/pause", method: .post) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/campaigns", method: .get, headers: [.authorization: "Bearer wrong-token-xxxxxxxx"]) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/campaigns", method: .get, headers: [.authorization: "Basic abc"]) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/campaigns", method: .get, headers: RouteTesting.bearer) {
                #expect($0.status == .ok)
            }
        }
        #expect(try store.database.campaign(named: "alpha")?.status == .ready)
    }

    @Test("pages send a browser without a session to the login form, keeping where it was going")
    func pagesRedirectToLogin() async throws {
        let store = try TestStore()
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            try await client.execute(uri: "/campaigns/alpha/contacts?q=Rao", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login?next=%2Fcampaigns%2Falpha%2Fcontacts%3Fq%3DRao")
            }
            try await client.execute(uri: "/login?next=%2Fcampaigns%2Falpha", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("name=\"token\""))
                #expect(page.contains("value=\"/campaigns/alpha\""))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            }
        }
    }

    @Test("logging in sets an HttpOnly, SameSite=Strict session cookie; a wrong token does not")
    func login() async throws {
        let store = try TestStore()
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=not-the-token&next=%2F")
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
                #expect(String(buffer: response.body).contains("not this server"))
            }
            try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=\(RouteTesting.token.value)&next=%2F%2Fevil.example%2F")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/")
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("vaani_session="))
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Strict"))
                #expect(!cookie.contains(RouteTesting.token.value))
            }
            let session = try await RouteTesting.logIn(client)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: session.cookie]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("data-test=\"campaign\""))
            }
            try await client.execute(uri: "/api/v1/campaigns", method: .get, headers: [.cookie: session.cookie]) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test("a login posted from another origin is refused")
    func loginCSRF() async throws {
        let store = try TestStore()
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            try await client.execute(
                uri: "/login", method: .post,
                headers: [
                    .contentType: "application/x-www-form-urlencoded",
                    HTTPField.Name("Origin")!: "https://evil.example",
                ],
                body: ByteBuffer(string: "token=\(RouteTesting.token.value)")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(RouteTesting.errorCode(response) == "csrf_failed")
            }
        }
    }

    @Test("a forged, tampered or expired session cookie is no session")
    func badCookies() async throws {
        let store = try TestStore()
        defer { store.remove() }
        let sessions = SessionCookie(token: RouteTesting.token)
        let expired = sessions.issue(now: Date().addingTimeInterval(-2 * SessionCookie.lifetime))
        let issued = sessions.issue()
        // The expiry's first digit changed: the signature no longer matches.
        let tampered = "v1." + (issued.dropFirst(3).first == "9" ? "8" : "9") + issued.dropFirst(4)
        let otherServer = SessionCookie(token: AccessToken("another-token-0123456789")).issue()
        try await RouteTesting.withRoutes(store) { client in
            for value in [expired, tampered, otherServer, "v1.99999999999.00.00", "garbage"] {
                try await client.execute(
                    uri: "/api/v1/campaigns", method: .get, headers: [.cookie: "\(SessionCookie.name)=\(value)"]
                ) { #expect($0.status == .unauthorized) }
            }
        }
    }

    @Test("a cookie-authenticated change needs the CSRF token and the same origin; a bearer change needs neither")
    func csrf() async throws {
        let store = try TestStore()
        defer { store.remove() }
        try await RouteTesting.withRoutes(store) { client in
            let session = try await RouteTesting.logIn(client)
            // No token: refused, nothing changes.
            try await client.execute(uri: "/api/v1/campaigns/alpha/start", method: .post, headers: [.cookie: session.cookie]) {
                response in
                #expect(response.status == .forbidden)
                #expect(RouteTesting.errorCode(response) == "csrf_failed")
            }
            try await client.execute(
                uri: "/campaigns/alpha/start", method: .post,
                headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=0123")
            ) { #expect($0.status == .forbidden) }
            #expect(try store.database.campaign(named: "alpha")?.status == .ready)
            // The right token from another site: refused.
            try await client.execute(
                uri: "/api/v1/campaigns/alpha/start", method: .post,
                headers: [
                    .cookie: session.cookie, HTTPField.Name("X-CSRF-Token")!: session.csrf,
                    HTTPField.Name("Sec-Fetch-Site")!: "cross-site",
                ]
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/api/v1/campaigns/alpha/start", method: .post,
                headers: [
                    .cookie: session.cookie, HTTPField.Name("X-CSRF-Token")!: session.csrf,
                    HTTPField.Name("Origin")!: "http://127.0.0.1:9999",
                ]
            ) { #expect($0.status == .forbidden) }
            #expect(try store.database.campaign(named: "alpha")?.status == .ready)
            // The header from the same origin: allowed.
            try await client.execute(
                uri: "/api/v1/campaigns/alpha/start", method: .post,
                headers: [
                    .cookie: session.cookie, HTTPField.Name("X-CSRF-Token")!: session.csrf,
                    HTTPField.Name("Origin")!: "http://localhost", HTTPField.Name("Sec-Fetch-Site")!: "same-origin",
                ]
            ) { #expect($0.status == .ok) }
            #expect(try store.database.campaign(named: "alpha")?.status == .running)
            // The dashboard's form field: allowed, and it redirects back to the page.
            try await client.execute(
                uri: "/campaigns/alpha/pause", method: .post,
                headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(session.csrf)")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/campaigns/alpha")
            }
            #expect(try store.database.campaign(named: "alpha")?.status == .paused)
            // A bearer client is no browser: no CSRF token needed.
            try await client.execute(uri: "/api/v1/campaigns/alpha/resume", method: .post, headers: RouteTesting.bearer) {
                #expect($0.status == .ok)
            }
            #expect(try store.database.campaign(named: "alpha")?.status == .running)
            // Logging out clears the cookie.
            try await client.execute(
                uri: "/logout", method: .post,
                headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(session.csrf)")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
        }
    }

    @Test("the token file is created owner-only with a fresh token, then read back; a readable one is refused")
    func tokenFile() throws {
        let store = try TestStore()
        defer { store.remove() }
        let path = AccessToken.defaultPath(forDatabase: store.directory + "/dialer.sqlite")
        let (first, created) = try AccessToken.loadOrCreate(at: path)
        #expect(created)
        #expect(first.value.hasPrefix("vds_") && first.value.count >= 40)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let (second, createdAgain) = try AccessToken.loadOrCreate(at: path)
        #expect(!createdAgain)
        #expect(second == first)
        #expect(AccessToken.generate() != first)
        #expect(!"\(first)".contains(first.value))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: AccessTokenError.self) { try AccessToken.loadOrCreate(at: path) }
    }
}
