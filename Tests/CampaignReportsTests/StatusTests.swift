import SQLiteStore
import CampaignReports
import CampaignStore
import Foundation
import Testing

@Suite("Campaign status")
struct StatusTests {
    private let now = Date(timeIntervalSince1970: 1_780_001_000)

    @Test("Counts by state and outcome, answer rate, talk time and cost cover every contact and attempt")
    func aggregates() async throws {
        let fixture = try ReportFixture.renewals()
        let summary = try await CampaignReporter(store: fixture.database).status(campaign: "renewals", now: now)
        #expect(summary.campaign == "renewals")
        #expect(summary.agentID == "agent-1")
        #expect(summary.state == .ready)
        #expect(summary.contacts == 6)
        #expect(summary.contactsByState["completed"] == 1)
        #expect(summary.contactsByState["retry_wait"] == 1)
        #expect(summary.contactsByState["dialing"] == 1)
        #expect(summary.contactsByState["in_call"] == 0)
        #expect(summary.contactsByState.count == ContactStatus.allCases.count)
        #expect(summary.contactsByStatus["pending"] == 2)
        #expect(summary.contactsByStatus["unknown"] == 1)
        #expect(summary.contactsByStatus["no_answer"] == 1)
        #expect(summary.contactsByStatus["dnd"] == 1)
        #expect(summary.finishedContacts == 3)
        #expect(summary.dialedContacts == 3)
        #expect(summary.answeredContacts == 1)
        #expect(summary.attempts == 8)
        #expect(summary.callsPlaced == 6)
        #expect(
            summary.attemptsByOutcome == [
                "completed": 1, "no_answer": 4, "busy": 1, "not_placed": 1, "in_progress": 1,
            ])
        #expect(summary.answerRate == 1.0 / 3)
        #expect(abs(summary.talkMinutes - 83.412 / 60) < 1e-9)
        #expect(summary.cost == 1.25)
        #expect(summary.awaitingReconciliation == 1)
        #expect(summary.nextRedialAt == Date(timeIntervalSince1970: 1_780_007_200))
        #expect(summary.nextStep == "3 contact(s) left. Continue with `vaani-dialer resume renewals`.")
    }

    @Test("A pause for balance says to top up and resume")
    func pausedForBalance() async throws {
        let fixture = try ReportFixture.renewals(status: "paused", pauseReason: "insufficient balance")
        let summary = try await CampaignReporter(store: fixture.database).status(campaign: "renewals", now: now)
        #expect(summary.pauseReason == "insufficient balance")
        #expect(
            summary.nextStep
                == "Paused: insufficient balance. Top up the Vaani wallet, then run `vaani-dialer resume renewals`.")
        let text = summary.renderedText()
        #expect(text.contains("State      paused: insufficient balance"))
        #expect(text.contains("Answered   1 of 3 dialed (33.3%)"))
        #expect(text.contains("Talk time  1.4 min"))
        #expect(text.contains("Cost       1.25"))
        #expect(text.contains("Redials    next due at 2026-05-28T22:26:40.000Z"))
        #expect(text.contains("Reconcile  1 contact(s) with an unknown call outcome"))
    }

    @Test("A running campaign's live lease names the process; a lapsed one says to resume")
    func leases() async throws {
        let fixture = try ReportFixture()
        let expires = Int64(now.timeIntervalSince1970 * 1000)
        try fixture.addCampaign(name: "live", status: "running", lease: (4242, "dialer-1", expires + 30_000))
        try fixture.addCampaign(name: "killed", status: "running", lease: (4343, "dialer-1", expires - 1))
        let reporter = CampaignReporter(store: fixture.database)
        let live = try await reporter.status(campaign: "live", now: now)
        #expect(live.runner == .init(pid: 4242, host: "dialer-1", leaseExpiresAt: Date(timeIntervalSince1970: 1_780_001_030), isActive: true))
        #expect(live.nextStep.hasPrefix("Running in process 4242 on dialer-1."))
        let killed = try await reporter.status(campaign: "killed", now: now)
        #expect(killed.runner?.isActive == false)
        #expect(killed.nextStep.contains("`vaani-dialer resume killed`"))
        #expect(killed.renderedText().contains("lease of process 4343 on dialer-1 lapsed"))
    }

    @Test("Next steps for new, finished and waiting campaigns quote names for the shell")
    func nextSteps() async throws {
        let fixture = try ReportFixture()
        try fixture.addCampaign(name: "no contacts")
        let fresh = try fixture.addCampaign(name: "fresh")
        try fixture.addContact(campaign: fresh, row: 2, name: "A", phone: "+14155550100")
        let done = try fixture.addCampaign(name: "done", status: "completed")
        try fixture.addContact(campaign: done, row: 2, name: "A", phone: "+14155550100", status: "completed", attempts: 1)
        let waiting = try fixture.addCampaign(name: "waiting")
        let contact = try fixture.addContact(
            campaign: waiting, row: 2, name: "A", phone: "+14155550100", status: "retry_wait", attempts: 1,
            nextAttemptAt: 1_780_004_600_000)
        try fixture.addAttempt(
            contact: contact, campaign: waiting, number: 1, startedAt: 1_780_000_000_000, callID: "c", outcome: "busy",
            endedAt: 1_780_000_001_000)
        let reporter = CampaignReporter(store: fixture.database)
        #expect(try await reporter.status(campaign: "no contacts", now: now).nextStep.contains("--campaign 'no contacts'"))
        #expect(try await reporter.status(campaign: "fresh", now: now).nextStep.contains("`vaani-dialer run fresh`"))
        #expect(try await reporter.status(campaign: "done", now: now).nextStep.contains("`vaani-dialer export done --format html"))
        #expect(
            try await reporter.status(campaign: "waiting", now: now).nextStep
                == "1 contact(s) wait for a redial, the first due at 2026-05-28T21:43:20.000Z. "
                + "`vaani-dialer resume waiting` waits until then and dials them.")
    }

    @Test("Outcomes read as the engine writes them: an accepted call not ended yet is in progress")
    func engineOutcomes() async throws {
        let fixture = try ReportFixture()
        let campaign = try fixture.addCampaign(name: "live", status: "running")
        let calling = try fixture.addContact(
            campaign: campaign, row: 2, name: "A", phone: "+14155550100", status: "in_call", attempts: 1)
        try fixture.addAttempt(
            contact: calling, campaign: campaign, number: 1, startedAt: 1_780_000_000_000, callID: "c1",
            outcome: "accepted")
        let unsure = try fixture.addContact(
            campaign: campaign, row: 3, name: "B", phone: "+14155550101", status: "unknown", attempts: 1)
        try fixture.addAttempt(
            contact: unsure, campaign: campaign, number: 1, startedAt: 1_780_000_000_000, outcome: "ambiguous",
            error: "timed out after 120 s")
        let summary = try await CampaignReporter(store: fixture.database).status(campaign: "live", now: now)
        #expect(summary.attemptsByOutcome == ["in_progress": 1, "ambiguous": 1])
        #expect(summary.callsPlaced == 1)
        #expect(summary.dialedContacts == 1)
        #expect(summary.answeredContacts == 0)
        #expect(summary.awaitingReconciliation == 1)
        #expect(summary.contactsByStatus["pending"] == 1)
        #expect(summary.contactsByStatus["unknown"] == 1)
        #expect(summary.nextStep.contains("`vaani-dialer resume live`"))
    }

    @Test("JSON output uses snake_case keys and ISO 8601 dates")
    func json() async throws {
        let fixture = try ReportFixture.renewals()
        let summary = try await CampaignReporter(store: fixture.database).status(campaign: "renewals", now: now)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(try summary.jsonText().utf8)) as? [String: Any])
        #expect(object["answered_contacts"] as? Int == 1)
        #expect(object["next_redial_at"] as? String == "2026-05-28T22:26:40Z")
        #expect((object["contacts_by_status"] as? [String: Int])?["pending"] == 2)
        #expect(object["next_step"] as? String == summary.nextStep)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(CampaignStatusSummary.self, from: Data(try summary.jsonText().utf8)) == summary)
    }

    @Test("Every campaign is listed with its progress")
    func list() async throws {
        let fixture = try ReportFixture.renewals(status: "paused", pauseReason: "insufficient balance")
        try fixture.addCampaign(name: "later", createdAt: 1_790_000_000_000)
        let entries = try await CampaignReporter(store: fixture.database).campaigns()
        #expect(entries.map(\.name) == ["renewals", "later"])
        #expect(entries[0].contacts == 6)
        #expect(entries[0].finishedContacts == 3)
        #expect(entries[0].progress == 0.5)
        #expect(entries[1].contacts == 0)
        let table = CampaignListEntry.renderedTable(entries)
        let lines = table.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("NAME"))
        #expect(lines[1].contains("paused (insufficient balance)"))
        #expect(lines[1].contains("50.0%"))
        #expect(CampaignListEntry.renderedTable([]).contains("No campaigns yet"))
    }
}

extension StatusTests {
    @Test("Status shows the rate limit learned per key fingerprint, in text and JSON")
    func learnedRateLimit() async throws {
        let fixture = try ReportFixture.renewals()
        try fixture.database.saveLearnedRateLimit(
            LearnedRateLimit(keyFingerprint: "0123456789abcdef", requestsPerSecond: 19.46, learnedAt: now)
        )
        let summary = try await CampaignReporter(store: fixture.database).status(campaign: "renewals", now: now)
        #expect(summary.learnedRateLimits.map(\.requestsPerSecond) == [19.46])
        let text = summary.renderedText()
        #expect(text.contains("Rate limit 19.5 requests/s learned for key 0123456789abcdef"))
        let json = try summary.jsonText()
        #expect(json.contains("\"key_fingerprint\" : \"0123456789abcdef\""))
        #expect(json.contains("\"requests_per_second\" : 19.46"))
    }
}
