import HTMLFormat
/// `/new-campaign`: upload a CSV to create a campaign (or add to one); the page's script streams the
/// file as the request body and shows the import summary with a link to the rejected rows.
struct NewCampaignPage {
    var csrf: String

    var page: DashboardPage {
        let body = """
            <p class="muted"><a href="/">Campaigns</a> /</p>
            <h1>New campaign</h1>
            <form class="card" data-upload data-csrf="\(HTMLText.escape(csrf))">
            <dl class="fields">
            <dt><label for="name">Name</label></dt><dd><input id="name" name="name" required data-test="campaign-name"></dd>
            <dt><label for="agent">Agent</label></dt><dd><input id="agent" name="agent" required placeholder="agent id" data-test="agent"></dd>
            <dt><label for="region">Region</label></dt><dd><input id="region" name="region" placeholder="IN" size="4" data-test="region"></dd>
            <dt><label for="file">Contacts (CSV)</label></dt><dd><input id="file" name="file" type="file" accept=".csv,text/csv" required data-test="file"></dd>
            </dl>
            <p><button type="submit" class="primary" data-test="upload">Upload and import</button></p>
            <div data-upload-result></div>
            </form>
            """
        return DashboardPage(title: "New campaign", csrf: csrf, body: body)
    }
}
