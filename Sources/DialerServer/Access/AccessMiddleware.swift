import Foundation
import HTTPTypes
import Hummingbird

/// Lets a request through only with the access token (`Authorization: Bearer TOKEN`) or a valid session
/// cookie, and makes cookie-authenticated changes CSRF-safe.
///
/// A request authenticated by its cookie that changes anything (any method but GET and HEAD) must come
/// from this server's own pages: an `Origin` (or `Sec-Fetch-Site`) naming another site is refused, and
/// it must carry the session's CSRF token in an `X-CSRF-Token` header, a `csrf` form field or a `csrf`
/// query parameter. Bearer requests need neither: a browser never adds that header on its own.
///
/// Without credentials, API paths (`/api/…`, `/metrics`, `/readyz`) answer 401 with a JSON error and
/// pages redirect to the login form.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = DialerRequestContext

    let token: AccessToken
    let sessions: SessionCookie

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            guard header.count > 7, header.prefix(7).lowercased() == "bearer ",
                token.matches(header.dropFirst(7).trimmingCharacters(in: .whitespaces))
            else {
                return APIError.unauthorized("The bearer token is not this server's access token.").response()
            }
            context.access = .bearer
            return try await next(request, context)
        }
        guard let session = request.cookies[SessionCookie.name]?.value, sessions.verify(session) else {
            return Self.challenge(request)
        }
        context.access = .session(session)
        guard request.method != .get, request.method != .head else {
            return try await next(request, context)
        }
        var request = request
        if let refusal = Self.crossSiteRefusal(request) {
            return APIError.csrf(refusal).response()
        }
        guard let candidate = try await Self.csrfCandidate(&request, context: context),
            sessions.verifyCSRF(candidate, session: session)
        else {
            return APIError.csrf(
                "A change from the dashboard needs its CSRF token (X-CSRF-Token header or csrf field); reload the page."
            ).response()
        }
        return try await next(request, context)
    }

    /// The answer to a request without credentials.
    static func challenge(_ request: Request) -> Response {
        let path = request.uri.path
        if isAPIPath(path) || request.method != .get {
            return APIError.unauthorized().response()
        }
        let target = request.uri.query.map { path + "?" + $0 } ?? path
        return Response(
            status: .seeOther,
            headers: [.location: "/login?next=" + FormFields.encode(target), .cacheControl: "no-store"]
        )
    }

    /// Whether `path` is answered in JSON (or the metrics format) rather than as a page.
    static func isAPIPath(_ path: String) -> Bool {
        path.hasPrefix("/api/") || path == "/metrics" || path == "/readyz"
    }

    /// Why a request comes from another site, or `nil` when it does not.
    static func crossSiteRefusal(_ request: Request) -> String? {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin", site != "none" {
            return "Refused a change requested from another site (Sec-Fetch-Site: \(site))."
        }
        if let origin = request.headers[HTTPField.Name("Origin")!] {
            guard let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!],
                let originHost = origin.range(of: "://").map({ String(origin[$0.upperBound...]) }),
                originHost.lowercased() == host.lowercased()
            else {
                return "Refused a change requested from another origin (\(origin))."
            }
        }
        return nil
    }

    /// The CSRF token a request carries: the header, the query's `csrf`, or a form body's `csrf` field
    /// (the body is collected, up to 1 MiB, and left in the request for the handler).
    static func csrfCandidate(_ request: inout Request, context: Context) async throws -> String? {
        if let header = request.headers[HTTPField.Name("X-CSRF-Token")!] { return header }
        if let query = request.uri.query, let value = FormFields(query)["csrf"] { return value }
        if request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            return FormFields(String(buffer: body))["csrf"]
        }
        return nil
    }
}
