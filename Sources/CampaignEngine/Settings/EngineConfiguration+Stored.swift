public import CampaignStore
import Foundation

extension EngineConfiguration {
    /// The engine's view of the settings stored on a campaign.
    /// - Parameter stored: The campaign's settings.
    /// - Throws: ``CampaignSettingsError`` when a stored value is out of range (a database edited by hand).
    public init(stored: CampaignSettings) throws {
        self.init()
        var overrides = SettingsOverrides(
            concurrency: stored.concurrency,
            maxActive: stored.maxActiveCalls ?? 0,
            rate: stored.callsPerSecond,
            maxAttempts: stored.maxAttempts,
            retryDelays: [
                .noAnswer: .seconds(stored.retryDelays.noAnswerSeconds),
                .busy: .seconds(stored.retryDelays.busySeconds),
                .failed: .seconds(stored.retryDelays.failedSeconds),
                .voicemail: .seconds(stored.retryDelays.voicemailSeconds),
            ],
            timeZone: stored.defaultTimeZone,
            outboundNumber: stored.outboundNumber ?? "",
            testMode: stored.testMode,
            requestTimeout: Duration(timeInterval: stored.requestTimeoutSeconds)
        )
        // A negative stored delay means "never redial after this outcome".
        for (outcome, delay) in overrides.retryDelays where delay < .zero {
            overrides.retryDelays[outcome] = nil
            overrides.neverRedial.insert(outcome)
        }
        self = try applying(overrides)
        if let hours = stored.callingHours {
            let days = Set(stored.callingDays.map(Weekday.init(stored:)))
            callingHours = try CallingHours(startMinute: hours.startMinute, endMinute: hours.endMinute, days: days)
        }
    }

    /// These settings as the campaign stores them; fields the store does not know are kept from `existing`.
    /// - Parameter existing: The campaign's current stored settings.
    public func storedSettings(keeping existing: CampaignSettings) -> CampaignSettings {
        var stored = existing
        stored.concurrency = concurrency
        stored.maxActiveCalls = maxActive > 0 ? maxActive : nil
        stored.callsPerSecond = rate
        stored.maxAttempts = redial.maxAttempts
        func seconds(_ outcome: CallOutcome) -> Int {
            redial.delays[outcome].map { Int($0.components.seconds) } ?? -1
        }
        stored.retryDelays = CampaignSettings.RetryDelays(
            noAnswerSeconds: seconds(.noAnswer),
            busySeconds: seconds(.busy),
            failedSeconds: seconds(.failed),
            voicemailSeconds: seconds(.voicemail)
        )
        if let hours = callingHours {
            stored.callingHours = CampaignSettings.CallingHours(startMinute: hours.startMinute, endMinute: hours.endMinute)
            stored.callingDays = Set(hours.days.map(\.stored))
        } else {
            stored.callingHours = nil
            stored.callingDays = Set(CampaignSettings.Weekday.allCases)
        }
        stored.defaultTimeZone = defaultTimeZone?.identifier
        stored.outboundNumber = outboundNumber
        stored.testMode = testMode
        stored.requestTimeoutSeconds = requestTimeout.timeInterval
        return stored
    }
}

extension Weekday {
    /// The day for the store's day names.
    init(stored: CampaignSettings.Weekday) {
        self =
            switch stored {
            case .mon: .monday
            case .tue: .tuesday
            case .wed: .wednesday
            case .thu: .thursday
            case .fri: .friday
            case .sat: .saturday
            case .sun: .sunday
            }
    }

    /// The store's name of the day.
    var stored: CampaignSettings.Weekday {
        switch self {
        case .monday: .mon
        case .tuesday: .tue
        case .wednesday: .wed
        case .thursday: .thu
        case .friday: .fri
        case .saturday: .sat
        case .sunday: .sun
        }
    }
}
