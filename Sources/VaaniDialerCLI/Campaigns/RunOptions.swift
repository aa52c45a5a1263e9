import APIAccess
import ArgumentParser
import CampaignEngine
import Foundation

/// The dialing options of `run` and `resume`. Each one given is saved on the campaign, so a later
/// `resume` keeps it; the rest come from the campaign's stored settings and `campaigns/NAME.json`.
///
/// The numeric options parse `.unconditional`ly, so that `--rate -1` is refused for its value by the
/// range check instead of being mistaken for a missing value followed by an unknown flag.
struct RunOptions: ParsableArguments {
    @Option(help: "The Vaani API's base URL (default $VAANI_BASE_URL, else https://api.vaanivoice.ai).")
    var baseURL: String?

    @Option(help: "A campaign file of settings (default campaigns/NAME.json when it exists).")
    var campaignFile: String?

    @Option(parsing: .unconditional, help: "Trigger requests in flight at once.")
    var concurrency: Int?

    @Option(parsing: .unconditional, help: "Calls placed and not yet ended at once, the telephony channel limit (0 = no limit).")
    var maxActive: Int?

    @Option(parsing: .unconditional, help: "Calls started per second (0 = as fast as the API allows).")
    var rate: Double?

    @Option(parsing: .unconditional, help: "Attempts per contact, the first call included.")
    var maxAttempts: Int?

    @Option(
        parsing: .singleValue,
        help: ArgumentHelp(
            "Redial delay for an outcome, as OUTCOME=DURATION (repeatable).",
            discussion: "Outcomes: no_answer, busy, failed, voicemail; durations like 30m, 2h, 90s, or never.",
            valueName: "outcome=duration"
        )
    )
    var retryDelay: [String] = []

    @Option(help: "Local time window for calls, e.g. 09:00-21:00, or none.")
    var callingHours: String?

    @Option(help: "Calling days, e.g. mon-sat or mon,wed,fri.")
    var days: String?

    @Option(help: "IANA time zone for numbers whose zone is unknown, e.g. Asia/Kolkata.")
    var timezone: String?

    @Option(help: "Caller ID to present (E.164).")
    var outboundNumber: String?

    @Flag(inversion: .prefixedNo, help: "Ask the API to simulate calls without placing them.")
    var testMode: Bool?

    @Option(help: "Timeout of one API request, e.g. 30s.")
    var requestTimeout: String?

    @Option(help: "How long a placed call is followed before it is recorded as having no final status.")
    var callTimeout: String?

    @Option(help: "How often calls in progress are looked up, e.g. 2s.")
    var pollInterval: String?

    @Option(help: "On an empty wallet, keep probing with one contact for up to this long instead of pausing.")
    var waitForBalance: String?

    @Flag(help: "Exit as soon as only future work (redials, closed calling windows) remains.")
    var untilIdle = false

    @OptionGroup(title: "API key, transport and logs") var access: AccessOptions

    /// The settings given on the command line.
    func overrides() throws -> SettingsOverrides {
        var overrides = SettingsOverrides(
            concurrency: concurrency,
            maxActive: maxActive,
            rate: rate,
            maxAttempts: maxAttempts,
            days: days,
            timeZone: timezone,
            outboundNumber: outboundNumber,
            testMode: testMode
        )
        if let callingHours {
            if ["none", "any", "always"].contains(callingHours.lowercased()) {
                overrides.clearsCallingHours = true
            } else {
                overrides.callingHours = callingHours
            }
        }
        for item in retryDelay {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let outcome = CallOutcome(rawValue: parts[0]), outcome != .completed else {
                throw ValidationError(
                    "--retry-delay \(item): expected OUTCOME=DURATION with OUTCOME one of no_answer, busy, failed, voicemail"
                )
            }
            if parts[1].lowercased() == "never" {
                overrides.retryDelays[outcome] = nil
                overrides.neverRedial.insert(outcome)
                continue
            }
            guard let delay = Duration.parse(parts[1]) else {
                throw ValidationError("--retry-delay \(item): \(parts[1]) is not a duration like 30m, 2h or 90s")
            }
            overrides.retryDelays[outcome] = delay
        }
        overrides.requestTimeout = try duration(requestTimeout, "--request-timeout")
        overrides.callTimeout = try duration(callTimeout, "--call-timeout")
        overrides.pollInterval = try duration(pollInterval, "--poll-interval")
        overrides.waitForBalance = try duration(waitForBalance, "--wait-for-balance")
        return overrides
    }

    private func duration(_ text: String?, _ flag: String) throws -> Duration? {
        guard let text else { return nil }
        guard let duration = Duration.parse(text) else {
            throw ValidationError("\(flag) \(text): not a duration like 30s, 5m or 2h")
        }
        return duration
    }
}
