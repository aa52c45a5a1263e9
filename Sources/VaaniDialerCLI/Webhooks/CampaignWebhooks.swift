import ArgumentParser
import CampaignEngine
import CampaignService
import CampaignStore
import Foundation
import Logging
import Webhooks

/// A campaign's webhook endpoints ready to sign for: the stored URLs with the secrets read from the
/// stored secret files, and how to deliver to them. Secrets are read for each use and never printed.
struct CampaignWebhooks: Sendable {
    /// The endpoints, by URL as the outbox stores it.
    var endpoints: [String: WebhookEndpoint]
    /// The retry schedule and limits.
    var configuration: WebhookDispatcherConfiguration
    /// How long `run` waits for due deliveries once every contact is final.
    var drain: Duration

    /// Whether there is anything to deliver to.
    var isEmpty: Bool { endpoints.isEmpty }

    /// Checks the URLs and reads the secrets.
    /// - Parameters:
    ///   - settings: The campaign's webhook settings.
    ///   - urls: The endpoints' URLs.
    ///   - allowInsecure: Whether plain `http://` to another machine is allowed besides the stored setting.
    /// - Throws: `ValidationError` naming the URL or the secret file that is wrong, never a secret.
    init(settings: WebhookSettings, urls: [String], allowInsecure: Bool = false) throws {
        var schedule = RetrySchedule.standard
        if let text = settings.retrySchedule {
            do {
                schedule = try RetrySchedule(parsing: text)
            } catch {
                throw ValidationError("--webhook-retries \(text): \(error)")
            }
        }
        configuration = WebhookDispatcherConfiguration(schedule: schedule)
        drain = .milliseconds(Int64((max(0, settings.drainSeconds) * 1000).rounded()))
        endpoints = [:]
        guard !urls.isEmpty else { return }
        guard !settings.secretFiles.isEmpty else {
            throw ValidationError(
                "Webhook endpoints need a signing secret: pass --webhook-secret-file FILE "
                    + "(write one with: vaani-dialer webhooks NAME --new-secret FILE)."
            )
        }
        let secrets = try settings.secretFiles.map(Self.readSecret)
        for url in urls {
            do {
                endpoints[url] = try WebhookEndpoint(
                    url: url, secrets: secrets, allowInsecure: allowInsecure || settings.allowInsecure)
            } catch {
                throw ValidationError("\(error)")
            }
        }
    }

    /// Reads a `whsec_…` secret from a file.
    /// - Throws: `ValidationError` naming the file and what is wrong with it, without its content.
    static func readSecret(_ path: String) throws -> WebhookSecret {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("--webhook-secret-file \(path): cannot be read")
        }
        do {
            return try WebhookSecret(parsing: text.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw ValidationError(
                "--webhook-secret-file \(path): does not hold a webhook secret (whsec_ and base64 of 24 to 64 bytes); "
                    + "write one with: vaani-dialer webhooks NAME --new-secret FILE"
            )
        }
    }

    /// The URLs of the campaign's endpoints that still receive events.
    static func enabledURLs(_ store: any WebhookOutbox, campaignID: Int64) async throws -> [String] {
        try await store.webhookEndpoints(ofCampaign: campaignID).filter { $0.disabledAt == nil }.map(\.url)
    }

    /// Runs `body` (the campaign) with deliveries beside it; when it ends with every contact final, waits
    /// up to the drain time for due deliveries and says how many remain and how they continue.
    func running(
        campaign: Campaign,
        store: any WebhookOutbox,
        logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> RunOutcome
    ) async throws -> RunOutcome {
        guard !isEmpty else { return try await body() }
        return try await WebhookSender.withSender(logger: logger) { sender in
            let dispatcher = WebhookDispatcher(
                outbox: store, campaignID: campaign.id, endpoints: endpoints, sender: sender,
                configuration: configuration, logger: logger
            )
            let outcome = try await dispatcher.deliveringBeside { try await body() }
            switch outcome {
            case .completed, .cancelled:
                let remaining = try await dispatcher.deliverUntilNothingIsDue(within: drain)
                print(Self.drainReport(campaign: campaign.name, remaining: remaining, drain: drain))
            default:
                break
            }
            return outcome
        }
    }

    /// What `run` says about deliveries once every contact is final.
    static func drainReport(campaign name: String, remaining: Int, drain: Duration) -> String {
        if remaining == 0 { return "Webhooks: every event was delivered or given up on; see vaani-dialer webhooks \(name)" }
        let seconds = drain.components.seconds
        return "Webhooks: \(remaining) deliver\(remaining == 1 ? "y" : "ies") still pending after waiting \(seconds)s "
            + "(the receiver is failing or asked to wait). They are kept and continue with: "
            + "vaani-dialer webhooks \(name) --deliver"
    }
}
