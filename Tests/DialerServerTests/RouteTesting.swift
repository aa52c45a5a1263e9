import CampaignStore
@testable import DialerServer
import Foundation
import SQLiteStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SimulatorHarness

/// Shared pieces of the route tests: a server over a test store (no runners), the token, and a
/// logged-in browser session.
enum RouteTesting {
    static let token = AccessToken("test-token-0123456789abcdef")
    static var bearer: HTTPFields { [.authorization: "Bearer \(token.value)"] }

    /// A server over `store` whose HTTP side `body` drives through Hummingbird's router test client.
    static func withRoutes<R: Sendable>(
        _ store: TestStore,
        maxUploadBytes: Int = 256 << 20,
        _ body: @Sendable (any TestClientProtocol) async throws -> R
    ) async throws -> R {
        let application = DialerServer.httpApplication(
            store: store.database,
            configuration: DialerServerConfiguration(port: 0, token: token, maxUploadBytes: maxUploadBytes))
        return try await application.test(.router, body)
    }

    /// Logs in with the token and returns the session cookie's header value and the session's CSRF token.
    static func logIn(_ client: any TestClientProtocol) async throws -> (cookie: String, csrf: String) {
        let cookie = try await client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "token=\(token.value)&next=%2F")
        ) { response -> String in
            guard response.status == .seeOther, let setCookie = response.headers[.setCookie],
                let pair = setCookie.split(separator: ";").first
            else { throw LoginFailed(status: response.status.code) }
            return String(pair)
        }
        let csrf = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response -> String in
            let page = String(buffer: response.body)
            guard let range = page.range(of: "name=\"csrf\" value=\"") else { throw LoginFailed(status: 0) }
            return String(page[range.upperBound...].prefix { $0 != "\"" })
        }
        return (cookie, csrf)
    }

    struct LoginFailed: Error { var status: Int }

    /// Decodes a JSON body.
    static func json<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(response.body.readableBytesView))
    }

    /// The `error.message` of a JSON error body.
    static func errorMessage(_ response: TestResponse) -> String? {
        (try? json(ErrorBody.self, response))?.error.message
    }

    /// The `error.code` of a JSON error body.
    static func errorCode(_ response: TestResponse) -> String? {
        (try? json(ErrorBody.self, response))?.error.code
    }
}
