import Foundation

extension ReportFixture {
    /// 2026-05-28T20:26:40Z, when the scenario's first call starts.
    static let startOfCalls: Int64 = 1_780_000_000_000

    /// A campaign `renewals` with six contacts covering every kind of row a report meets: answered
    /// after a redial, exhausted no-answers, never dialed, refused as DND, waiting for a redial, and a
    /// request in flight; names and variables are hostile (formulas, markup, quotes, newlines, emoji).
    static func renewals(status: String = "ready", pauseReason: String? = nil) throws -> ReportFixture {
        let fixture = try ReportFixture()
        let t0 = startOfCalls
        let campaign = try fixture.addCampaign(name: "renewals", status: status, pauseReason: pauseReason)
        let asha = try fixture.addContact(
            campaign: campaign, row: 2, name: "Asha Rao", phone: "+919876543210", status: "completed", attempts: 2,
            timezone: "Asia/Kolkata", variables: #"{"city":"Pune","plan":"Gold"}"#)
        try fixture.addAttempt(
            contact: asha, campaign: campaign, number: 1, startedAt: t0, callID: "call-1", outcome: "no_answer",
            callStatus: "no_answer", durationMilliseconds: 0, cost: 0, endedAt: t0 + 30_000)
        try fixture.addAttempt(
            contact: asha, campaign: campaign, number: 2, startedAt: t0 + 3_600_000, callID: "call-2",
            outcome: "completed", callStatus: "completed", durationMilliseconds: 83_412,
            summary: "Agreed to renew, asked for the invoice by email.", disposition: "interested",
            entity: "{\n  \"renew\": true,\n  \"email\": \"asha@example.com\"\n}", cost: 1.25,
            transcript: "Agent: Hello Asha\nAsha: Hi, yes I will renew", endedAt: t0 + 3_700_000)
        let hostile = try fixture.addContact(
            campaign: campaign, row: 3, name: #"=HYPERLINK("http://evil.example","click")"#, phone: "+14155550100",
            status: "no_answer", attempts: 3, timezone: "America/Los_Angeles",
            variables: #"{"plan":"Silver","note":"-2+3+cmd|' /C calc'!A0"}"#)
        for number in 1...3 {
            try fixture.addAttempt(
                contact: hostile, campaign: campaign, number: number, startedAt: t0 + Int64(number) * 60_000,
                callID: "call-h\(number)", outcome: "no_answer", callStatus: "no_answer", durationMilliseconds: 0,
                endedAt: t0 + Int64(number) * 60_000 + 40_000)
        }
        try fixture.addContact(
            campaign: campaign, row: 4, name: "<script>alert(1)</script>", phone: "+442071838750",
            timezone: "Europe/London", variables: "{\"city\":\"London, UK\",\"extra\":\"line1\\nline2 \\\"quoted\\\"\"}")
        let dnd = try fixture.addContact(
            campaign: campaign, row: 5, name: "José Müller 😀", phone: "+4930123456", status: "dnd", attempts: 1,
            variables: #"{"plan":"@SUM(A1)"}"#, lastError: "destination is in the DND registry")
        try fixture.addAttempt(
            contact: dnd, campaign: campaign, number: 1, startedAt: t0 + 5_000, error: "403 Forbidden: DND",
            endedAt: t0 + 5_100)
        let busy = try fixture.addContact(
            campaign: campaign, row: 6, name: "Busy Bee", phone: "+919812345678", status: "retry_wait", attempts: 1,
            timezone: "Asia/Kolkata", nextAttemptAt: t0 + 7_200_000)
        try fixture.addAttempt(
            contact: busy, campaign: campaign, number: 1, startedAt: t0 + 10_000, callID: "call-b1", outcome: "busy",
            callStatus: "busy", durationMilliseconds: 0, endedAt: t0 + 15_000)
        let inFlight = try fixture.addContact(
            campaign: campaign, row: 7, name: "In Flight", phone: "+919800000001", status: "dialing", attempts: 1)
        try fixture.addAttempt(contact: inFlight, campaign: campaign, number: 1, startedAt: t0 + 20_000)
        return fixture
    }
}
