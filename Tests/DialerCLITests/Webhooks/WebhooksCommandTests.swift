@testable import SQLiteStore
import ArgumentParser
import CampaignStore
import Foundation
import Testing
import Webhooks

@testable import VaaniDialerCLI

@Suite("webhooks command")
struct WebhooksCommandTests {
    /// A database with one campaign, in a directory removed afterwards.
    private func withCampaign(
        _ body: (_ directory: URL, _ path: String, _ database: CampaignDatabase, _ campaign: Campaign) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("webhooks-command-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("dialer.sqlite").path
        let database = try CampaignDatabase.open(at: path)
        let campaign = try database.createCampaign(name: "renewals", agentID: "agent-7")
        try await body(directory, path, database, campaign)
    }

    @Test("--new-secret writes a secret only its owner can read, and never overwrites a file")
    func newSecret() async throws {
        try await withCampaign { directory, path, _, _ in
            let file = directory.appendingPathComponent("hooks.whsec").path
            try await WebhooksCommand.parse(["renewals", "--new-secret", file, "--db", path]).run()
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let secret = try WebhookSecret(parsing: text.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(secret.byteCount >= WebhookSecret.minimumByteCount)
            await #expect(throws: ValidationError.self) {
                try await WebhooksCommand.parse(["renewals", "--new-secret", file, "--db", path]).run()
            }
            #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
        }
    }

    @Test("--test, --deliver and --replay against a real receiver: signed, delivered, replayed with the same ids")
    func actions() async throws {
        try await withCampaign { directory, path, database, campaign in
            let file = directory.appendingPathComponent("hooks.whsec").path
            try await WebhooksCommand.parse(["renewals", "--new-secret", file, "--db", path]).run()
            let secret = try WebhookSecret(
                parsing: try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
            try database.updateSettings(
                CampaignSettings(webhooks: WebhookSettings(secretFiles: [file])), ofCampaign: campaign.id, now: Date())
            try await WebhookReceiver.with(respond: { _ in ReceiverAnswer(status: 200, body: "{\"ok\":true}") }) {
                url, log in
                let store: any DialerStore = database
                try await store.setWebhookEndpoints(
                    [url.absoluteString + "/crm"], eventTypes: nil, ofCampaign: campaign.id, now: Date())
                try await WebhooksCommand.parse(["renewals", "--test", "--db", path]).run()
                let tests = log.requests(to: "/crm")
                #expect(tests.count == 1)
                let headers = try WebhookHeaders(try #require(tests.first).fields)
                try WebhookSigner(secret: secret).verify(headers, body: tests[0].body, now: Date())
                #expect(String(decoding: tests[0].body, as: UTF8.self).contains("\"type\":\"webhook.test\""))

                let events = (0..<3).map { index in
                    let event = WebhookEvent.campaign(
                        index == 0 ? .started : .paused(.byUser),
                        campaign: WebhookCampaign(id: campaign.id, name: campaign.name), namespace: "ns",
                        at: Date(timeIntervalSince1970: 1_790_000_000 + Double(index)))
                    let message = event.message
                    return OutboxEvent(id: message.id, type: message.type, occurredAt: event.timestamp, body: message.body)
                }
                try await store.recordEvents(events, ofCampaign: campaign.id, now: Date())
                try await WebhooksCommand.parse(["renewals", "--deliver", "--db", path]).run()
                #expect(log.requests(to: "/crm").count == 4)
                #expect(try await store.deliveryTotals(ofCampaign: campaign.id).map(\.delivered) == [3])

                try await WebhooksCommand.parse(["renewals", "--replay", "--type", "campaign.paused", "--db", path]).run()
                try await WebhooksCommand.parse(["renewals", "--deliver", "--db", path]).run()
                let replayed = log.requests(to: "/crm").dropFirst(4)
                #expect(replayed.count == 2)
                #expect(Set(replayed.compactMap { $0.headers["webhook-id"] }) == Set(events.dropFirst().map(\.id)))
                #expect(replayed.allSatisfy { request in events.contains { $0.body == request.body } })
                // The plain summary runs too.
                try await WebhooksCommand.parse(["renewals", "--db", path]).run()
            }
        }
    }

    @Test("--since and --type need --replay; unknown types are refused")
    func validation() {
        #expect(throws: (any Error).self) { try WebhooksCommand.parse(["renewals", "--type", "call.ended"]) }
        #expect(throws: (any Error).self) { try WebhooksCommand.parse(["renewals", "--replay", "--type", "call.begun"]) }
        #expect(throws: (any Error).self) { try WebhooksCommand.parse(["renewals", "--deliver", "--test"]) }
        #expect(throws: (any Error).self) { try WebhooksCommand.parse(["renewals", "--replay", "--since", "yesterday"]) }
    }
}
