import APIAccess
import ArgumentParser
import Logging

/// How `run`, `resume` and the API commands reach the API and what they log: the key file and
/// plain-HTTP consent (``APIAccessOptions``, shared with `vaani-dialer-bench`), the log level and
/// whether logs may show full phone numbers. None of these is saved on the campaign.
struct AccessOptions: ParsableArguments {
    /// `--api-key-file` and `--allow-insecure`: where the key comes from and where it may go.
    @OptionGroup var api: APIAccessOptions

    @Option(help: "Log level on standard error: trace, debug, info, notice, warning, error or critical.")
    var logLevel: LogLevelArgument = LogLevelArgument(.info)

    @Flag(help: "Show whole phone numbers in logs (by default only the country code and last 4 digits).")
    var logFullNumbers = false

    /// A logger writing to standard error at ``logLevel``, masking numbers unless ``logFullNumbers``.
    func makeLogger(label: String) -> Logger {
        let mask: PhoneNumberMask? = logFullNumbers ? nil : PhoneNumberMask()
        var logger = Logger(label: label) { label in
            MaskingLogHandler(inner: StreamLogHandler.standardError(label: label), mask: mask)
        }
        logger.logLevel = logLevel.level
        return logger
    }
}

/// A `Logger.Level` as a command-line value.
struct LogLevelArgument: ExpressibleByArgument {
    let level: Logger.Level

    init(_ level: Logger.Level) { self.level = level }

    init?(argument: String) {
        guard let level = Logger.Level(rawValue: argument.lowercased()) else { return nil }
        self.level = level
    }

    var defaultValueDescription: String { level.rawValue }

    static var allValueStrings: [String] { Logger.Level.allCases.map(\.rawValue) }
}
