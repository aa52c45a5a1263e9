import Foundation
import HTTPTypes
import Hummingbird

/// `GET /login` shows the form; `POST /login` checks the token (field `token`) and sets the session
/// cookie: HttpOnly, SameSite=Strict, Secure when the request came through HTTPS. The stylesheet and
/// script of the pages are public too: they hold no data.
struct LoginRoutes {
    let token: AccessToken
    let sessions: SessionCookie

    func registerPublic(on router: Router<DialerRequestContext>) {
        router.get("assets/dashboard.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: DashboardAssets.css)))
        }
        router.get("assets/dashboard.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: DashboardAssets.js)))
        }
        router.get("login") { request, _ in
            LoginPage(next: Self.safeNext(FormFields(request.uri.query ?? "")["next"])).page.response()
        }
        router.post("login") { request, context in
            if let refusal = AccessMiddleware.crossSiteRefusal(request) {
                return APIError.csrf(refusal).response()
            }
            var request = request
            let body = try await request.collectBody(upTo: 16 * 1024)
            let fields = FormFields(String(buffer: body))
            let next = Self.safeNext(fields["next"])
            guard let candidate = fields["token"], token.matches(candidate.trimmingCharacters(in: .whitespaces)) else {
                return LoginPage(next: next, error: "That is not this server's access token.").page
                    .response(status: .unauthorized)
            }
            var response = Response(status: .seeOther, headers: [.location: next, .cacheControl: "no-store"])
            let secure = request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
            response.setCookie(
                Cookie(
                    name: SessionCookie.name, value: sessions.issue(), maxAge: Int(SessionCookie.lifetime), path: "/",
                    secure: secure, httpOnly: true, sameSite: .strict))
            return response
        }
    }

    /// A path on this server to go to after logging in; anything else becomes `/`.
    static func safeNext(_ candidate: String?) -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.contains("\\"),
            !candidate.unicodeScalars.contains(where: { $0.value < 0x20 })
        else { return "/" }
        return candidate
    }
}
