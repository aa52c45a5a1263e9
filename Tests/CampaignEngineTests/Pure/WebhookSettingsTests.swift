import CampaignEngine
import CampaignStore
import Foundation
import Testing

@Suite("Webhook settings")
struct WebhookSettingsTests {
    func parse(_ text: String) throws -> SettingsOverrides {
        try CampaignFile.parse(Data(text.utf8), source: "campaigns/renewals.json")
    }

    @Test("a campaign file sets endpoints, secret files, the event filter, retries, drain and plain http")
    func campaignFile() throws {
        let overrides = try parse(
            """
            {"webhook_url": ["https://crm.example/a", "http://10.0.0.5/hook"], "webhook_secret_file": "/etc/vaani/new.whsec",
             "webhook_events": "call.ended, contact.finalized", "webhook_retries": "0s,5s,1m", "webhook_drain": "90s",
             "allow_insecure": true}
            """)
        let configuration = try EngineConfiguration().applying(overrides)
        #expect(configuration.webhookURLs == ["https://crm.example/a", "http://10.0.0.5/hook"])
        #expect(configuration.webhooks.secretFiles == ["/etc/vaani/new.whsec"])
        #expect(configuration.webhooks.eventTypes == ["call.ended", "contact.finalized"])
        #expect(configuration.webhooks.retrySchedule == "0s,5s,1m")
        #expect(configuration.webhooks.drainSeconds == 90)
        #expect(configuration.webhooks.allowInsecure)
    }

    @Test("an unknown event type and a bad retry schedule are refused with the field and the line")
    func refused() {
        #expect(throws: CampaignSettingsError.self) { try parse(#"{"webhook_events": ["call.ended", "call.started"]}"#) }
        do {
            _ = try parse("{\n  \"webhook_retries\": \"0s,soon\"\n}")
            Issue.record("a bad schedule was accepted")
        } catch let error as CampaignSettingsError {
            #expect(error.field == "webhook_retries")
            #expect(error.line == 2)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("the webhook settings are stored on the campaign and read back; the URLs are not stored there")
    func stored() throws {
        var overrides = SettingsOverrides()
        overrides.webhookURLs = ["https://crm.example/a"]
        overrides.webhookSecretFiles = ["relative.whsec"]
        overrides.webhookEvents = ["all"]
        overrides.webhookDrain = .seconds(5)
        let configuration = try EngineConfiguration().applying(overrides)
        #expect(configuration.webhooks.eventTypes == nil)
        #expect(configuration.webhooks.secretFiles == [FileManager.default.currentDirectoryPath + "/relative.whsec"])
        let stored = configuration.storedSettings(keeping: CampaignSettings())
        let encoded = try JSONEncoder().encode(stored)
        #expect(!String(decoding: encoded, as: UTF8.self).contains("crm.example"))
        let decoded = try JSONDecoder().decode(CampaignSettings.self, from: encoded)
        let restored = try EngineConfiguration(stored: decoded)
        #expect(restored.webhooks == configuration.webhooks)
        #expect(restored.webhookURLs == nil)
        // Settings stored before webhooks existed read as no webhooks.
        let old = try JSONDecoder().decode(CampaignSettings.self, from: Data(#"{"concurrency": 4}"#.utf8))
        #expect(old.webhooks == WebhookSettings())
    }
}
