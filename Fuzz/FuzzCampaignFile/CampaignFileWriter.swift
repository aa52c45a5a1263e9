import CampaignEngine
import Foundation

/// Writes settings back as a campaign file, the reference the round trip compares with.
enum CampaignFileWriter {
    static func json(_ overrides: SettingsOverrides) -> Data {
        var object: [String: Any] = [:]
        if let value = overrides.concurrency { object["concurrency"] = value }
        if let value = overrides.maxActive { object["max_active"] = value }
        if let value = overrides.rate { object["rate"] = value }
        if let value = overrides.maxAttempts { object["max_attempts"] = value }
        var delays: [String: Any] = [:]
        for (outcome, delay) in overrides.retryDelays { delays[outcome.rawValue] = delay.settingText }
        for outcome in overrides.neverRedial { delays[outcome.rawValue] = "never" }
        if !overrides.retryDelays.isEmpty || !overrides.neverRedial.isEmpty { object["retry_delay"] = delays }
        if let hours = overrides.callingHours {
            object["calling_hours"] = hours
        } else if overrides.clearsCallingHours {
            object["calling_hours"] = "none"
        }
        if let value = overrides.days { object["days"] = value }
        if let value = overrides.timeZone { object["timezone"] = value }
        if let value = overrides.outboundNumber { object["outbound_number"] = value }
        if let value = overrides.testMode { object["test_mode"] = value }
        if let value = overrides.requestTimeout { object["request_timeout"] = value.settingText }
        if let value = overrides.callTimeout { object["call_timeout"] = value.settingText }
        if let value = overrides.pollInterval { object["poll_interval"] = value.settingText }
        if let value = overrides.waitForBalance { object["wait_for_balance"] = value.settingText }
        do {
            return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        } catch {
            fatalError("cannot write settings as JSON: \(error)")
        }
    }
}
