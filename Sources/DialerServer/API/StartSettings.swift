import CampaignEngine
import Foundation
import Hummingbird

/// The optional body of `POST …/start`: settings to change before the campaign runs, with the names of
/// the command line's options. Missing fields keep the campaign's (and the server's default) values.
struct StartSettings: Decodable, Sendable {
    var concurrency: Int?
    var maxActive: Int?
    var rate: Double?
    var maxAttempts: Int?
    var callingHours: String?
    var days: String?
    var timezone: String?
    var outboundNumber: String?
    var testMode: Bool?
    var retryDelay: [String: String]?

    enum CodingKeys: String, CodingKey {
        case concurrency
        case maxActive = "max_active"
        case rate
        case maxAttempts = "max_attempts"
        case callingHours = "calling_hours"
        case days, timezone
        case outboundNumber = "outbound_number"
        case testMode = "test_mode"
        case retryDelay = "retry_delay"
    }

    init() {}

    /// The body of a request; an empty body is no change.
    static func decode(from request: Request, context: DialerRequestContext) async throws -> StartSettings {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard body.readableBytes > 0 else { return StartSettings() }
        do {
            return try JSONDecoder().decode(StartSettings.self, from: Data(body.readableBytesView))
        } catch {
            throw APIError(
                .badRequest, code: "invalid_body",
                message: "The body must be a JSON object of settings (concurrency, rate, max_active, …): \(error)")
        }
    }

    /// The settings as overrides, checked.
    func overrides() throws -> SettingsOverrides {
        var overrides = SettingsOverrides(
            concurrency: concurrency, maxActive: maxActive, rate: rate, maxAttempts: maxAttempts, days: days,
            timeZone: timezone, outboundNumber: outboundNumber, testMode: testMode)
        if let callingHours {
            if ["none", "any", "always"].contains(callingHours.lowercased()) {
                overrides.clearsCallingHours = true
            } else {
                overrides.callingHours = callingHours
            }
        }
        for (key, value) in retryDelay ?? [:] {
            guard let outcome = CallOutcome(rawValue: key), outcome != .completed else {
                throw APIError(
                    .unprocessableContent, code: "invalid_settings",
                    message: "retry_delay.\(key): the outcome must be no_answer, busy, failed or voicemail")
            }
            if value.lowercased() == "never" {
                overrides.neverRedial.insert(outcome)
                continue
            }
            guard let delay = Duration.parse(value) else {
                throw APIError(
                    .unprocessableContent, code: "invalid_settings",
                    message: "retry_delay.\(key): \(value) is not a duration like 30m, 2h or 90s")
            }
            overrides.retryDelays[outcome] = delay
        }
        return overrides
    }
}
