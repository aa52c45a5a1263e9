import HTMLFormat
/// `/login`: one field, the access token, traded for a session cookie.
struct LoginPage {
    var next: String
    var error: String?

    var page: DashboardPage {
        let message = error.map { "<p class=\"error-box\">\(HTMLText.escape($0))</p>" } ?? ""
        let body = """
            <div class="login card">
            <h1>Log in</h1>
            <p class="muted">Paste the access token printed when the server first started (it is also in the token file \
            beside the database).</p>
            \(message)
            <form method="post" action="/login">
            <input type="hidden" name="next" value="\(HTMLText.escape(next))">
            <label for="token">Access token</label>
            <input type="password" id="token" name="token" autocomplete="current-password" required autofocus>
            <button type="submit" class="primary" data-test="login">Log in</button>
            </form>
            </div>
            """
        return DashboardPage(title: "Log in", csrf: nil, body: body)
    }
}
