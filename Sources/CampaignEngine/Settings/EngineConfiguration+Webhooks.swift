import CampaignStore
import Foundation
import Webhooks

extension EngineConfiguration {
    /// Applies the webhook settings of `overrides`, checking each: known event types, a retry schedule
    /// that parses, a drain that is not negative. Secret files are kept as absolute paths.
    mutating func applyWebhookOverrides(_ overrides: SettingsOverrides) throws {
        if let urls = overrides.webhookURLs {
            let cleaned = urls.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            webhookURLs = cleaned
        }
        if let files = overrides.webhookSecretFiles {
            webhooks.secretFiles = files.filter { !$0.isEmpty }.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        }
        if let types = overrides.webhookEvents {
            let listed = types.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if listed.isEmpty || listed == ["all"] {
                webhooks.eventTypes = nil
            } else {
                let known = WebhookEventType.allCases.filter { $0 != .test }.map(\.rawValue)
                for type in listed where !known.contains(type) {
                    throw CampaignSettingsError(
                        field: "webhook_events",
                        message: "unknown event type \"\(type.prefix(40))\"; expected some of " + known.joined(separator: ", ")
                    )
                }
                webhooks.eventTypes = listed
            }
        }
        if let text = overrides.webhookRetries {
            do {
                _ = try RetrySchedule(parsing: text)
            } catch let error as WebhookError {
                throw CampaignSettingsError(field: "webhook_retries", message: error.message)
            }
            webhooks.retrySchedule = text
        }
        if let drain = overrides.webhookDrain {
            guard drain >= .zero else {
                throw CampaignSettingsError(field: "webhook_drain", message: "must be 0s or more")
            }
            webhooks.drainSeconds = drain.timeInterval
        }
        if let allow = overrides.allowInsecureWebhooks { webhooks.allowInsecure = allow }
    }
}
