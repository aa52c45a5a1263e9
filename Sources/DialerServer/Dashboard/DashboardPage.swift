import HTMLFormat
import HTTPTypes
import Hummingbird

/// The frame every dashboard page shares: the document head, the top bar with the logout form, and the
/// Content-Security-Policy that keeps the page to its own stylesheet and script.
struct DashboardPage {
    var title: String
    /// The session's CSRF token, for the logout form; `nil` on the login page.
    var csrf: String?
    var body: String

    /// The page as an HTML answer.
    func response(status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: Self.headers,
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static let headers: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .cacheControl: "no-store",
        .contentSecurityPolicy:
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
    ]

    var html: String {
        let logout =
            csrf.map { token in
                """
                <form method="post" action="/logout" class="logout"><input type="hidden" name="csrf" value="\(HTMLText.escape(token))">\
                <button type="submit">Log out</button></form>
                """
            } ?? ""
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title)) · Vaani Dialer</title>
            <link rel="stylesheet" href="/assets/dashboard.css">
            <script src="/assets/dashboard.js" defer></script>
            </head>
            <body>
            <header class="top"><a class="brand" href="/">Vaani Dialer</a>\(logout)</header>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }
}
