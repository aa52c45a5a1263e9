import ArgumentParser
import CampaignService
import CampaignStore
import Foundation
import Webhooks

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `vaani-dialer webhooks NAME`: a campaign's webhook deliveries per endpoint, and the actions on them:
/// write a new secret, deliver what is due, replay events, send a test event.
struct WebhooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Show a campaign's webhook deliveries per endpoint; deliver, replay or test them; write a secret.",
        discussion: """
            Without an action: delivered, pending and failed counts per endpoint and the last errors.
            --new-secret FILE writes a new signing secret (mode 0600) and prints only its fingerprint.
            """
    )

    @Argument(help: "The campaign's name.")
    var name: String

    @Option(help: ArgumentHelp("Write a new signing secret (whsec_…) to FILE, readable only by you.", valueName: "file"))
    var newSecret: String?

    @Flag(help: "Deliver the campaign's due events now, until nothing is due.")
    var deliver = false

    @Flag(help: "Queue the campaign's events again for every endpoint, with the same ids.")
    var replay = false

    @Option(help: "With --replay: only events since this time (ISO 8601, e.g. 2026-11-30T09:00:00Z).")
    var since: String?

    @Option(help: "With --replay: only events of this type, e.g. call.ended.")
    var type: String?

    @Flag(help: "Send one signed webhook.test event to each endpoint and print its answer.")
    var test = false

    @Flag(help: "Allow plain http:// to another machine.")
    var allowInsecure = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        let actions = [newSecret != nil, deliver, replay, test].filter { $0 }.count
        guard actions <= 1 else {
            throw ValidationError("Give one of --new-secret, --deliver, --replay and --test at a time.")
        }
        if !replay, since != nil || type != nil {
            throw ValidationError("--since and --type go with --replay.")
        }
        if let since, Self.parseTime(since) == nil {
            throw ValidationError("--since \(since): not a time like 2026-11-30T09:00:00Z or 2026-11-30")
        }
        if let type, WebhookEventType(rawValue: type) == nil {
            let known = WebhookEventType.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--type \(type): expected one of \(known)")
        }
    }

    func run() async throws {
        if let newSecret {
            try Self.writeNewSecret(to: newSecret)
            print("Wrote a new signing secret to \(newSecret) (mode 0600).")
            print("Give it to the receiver, then: vaani-dialer resume \(name) --webhook-secret-file \(newSecret)")
            print("While the receiver switches, pass the old file as well: both secrets sign every event.")
            return
        }
        let store = try database.openExisting()
        guard let campaign = try await store.campaign(named: name) else {
            throw ValidationError("No campaign named \"\(name)\" in \(database.resolvedPath).")
        }
        if replay {
            let queued = try await store.requeueEvents(
                ofCampaign: campaign.id, since: since.flatMap(Self.parseTime), type: type, now: Date())
            print(
                "Queued \(queued) deliver\(queued == 1 ? "y" : "ies") again, with the same event ids. "
                    + "They are sent by: vaani-dialer webhooks \(name) --deliver (or the next run)"
            )
            return
        }
        guard deliver || test else {
            try await printTotals(store: store, campaign: campaign)
            return
        }
        let urls = try await CampaignWebhooks.enabledURLs(store, campaignID: campaign.id)
        guard !urls.isEmpty else {
            throw ValidationError("Campaign \(name) has no webhook endpoint; add one with: vaani-dialer resume \(name) --webhook-url URL --webhook-secret-file FILE")
        }
        let webhooks = try CampaignWebhooks(settings: campaign.settings.webhooks, urls: urls, allowInsecure: allowInsecure)
        if test {
            let namespace = try await store.journal(ofCampaign: campaign.id).attemptNamespace()
            try await sendTests(campaign: campaign, namespace: namespace, webhooks: webhooks, urls: urls)
            return
        }
        let remaining = try await WebhookSender.withSender { sender in
            try await WebhookDispatcher(
                outbox: store, campaignID: campaign.id, endpoints: webhooks.endpoints, sender: sender,
                configuration: webhooks.configuration
            ).deliverUntilNothingIsDue()
        }
        print("Delivered what was due; \(remaining) deliver\(remaining == 1 ? "y" : "ies") pending.")
        try await printTotals(store: store, campaign: campaign)
    }

    /// One signed `webhook.test` to each endpoint, sent directly (not through the outbox).
    private func sendTests(campaign: Campaign, namespace: String, webhooks: CampaignWebhooks, urls: [String])
        async throws
    {
        let event = WebhookEvent.test(
            TestEventData(campaign: WebhookCampaign(id: campaign.id, name: campaign.name)),
            namespace: namespace,
            at: Date()
        )
        let allDelivered = try await WebhookSender.withSender { sender in
            var allDelivered = true
            for url in urls {
                guard let endpoint = webhooks.endpoints[url] else { continue }
                let result = await sender.send(event.message, to: endpoint)
                print("\(endpoint): \(result.summary)")
                allDelivered = allDelivered && result.isDelivered
            }
            return allDelivered
        }
        if !allDelivered { throw ExitCode.failure }
    }

    private func printTotals(store: any DialerStore, campaign: Campaign) async throws {
        let totals = try await store.deliveryTotals(ofCampaign: campaign.id)
        guard !totals.isEmpty else {
            print("Campaign \(name) has no webhook endpoint.")
            return
        }
        print("Webhooks of campaign \(name):")
        for total in totals {
            var line = "  \(Self.redacted(total.endpoint.url))  delivered \(total.delivered), pending \(total.pending), "
                + "failed \(total.failed)"
            if let types = total.endpoint.eventTypes { line += "  (events: \(types.joined(separator: ",")))" }
            if total.endpoint.disabledAt != nil {
                line += "  disabled: \(total.endpoint.disabledReason ?? "removed from the campaign")"
            }
            print(line)
            for error in total.lastErrors.prefix(3) { print("    last error: \(error)") }
        }
    }

    /// `scheme://host[:port]/…`: a path or query may hold a token.
    static func redacted(_ text: String) -> String {
        guard let url = URL(string: text), let scheme = url.scheme, let host = url.host() else { return "(invalid URL)" }
        let port = url.port.map { ":\($0)" } ?? ""
        let hasMore = !(url.path().isEmpty || url.path() == "/") || url.query() != nil
        return "\(scheme)://\(host)\(port)/\(hasMore ? "…" : "")"
    }

    /// A time as `--since` takes it: ISO 8601 with or without the time of day.
    static func parseTime(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }

    /// Writes a new secret to a file that did not exist, mode 0600.
    static func writeNewSecret(to path: String) throws {
        let secret = WebhookSecret.generate()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it already exists (choose a new file, keep the old one for rotation)" : String(cString: strerror(errno))
            throw ValidationError("--new-secret \(path): cannot create: \(reason)")
        }
        defer { close(descriptor) }
        let bytes = Array((secret.serialized + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw ValidationError("--new-secret \(path): cannot write the secret")
        }
    }
}
