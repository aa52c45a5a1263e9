import ArgumentParser
import VaaniAPI
import Foundation
import Logging

/// How `run` and `resume` reach the API and what they log: the key file, plain-HTTP consent, the log
/// level and whether logs may show full phone numbers. None of these is saved on the campaign.
struct AccessOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A file holding the Vaani API key (instead of $VAANI_API_KEY or $VAANI_API_KEY_FILE).",
            discussion: "It should be readable by you only (chmod 600); otherwise a warning is printed.",
            valueName: "path"
        )
    )
    var apiKeyFile: String?

    @Flag(help: "Allow a plain http:// base URL to a host other than this machine (sends the key unencrypted).")
    var allowInsecure = false

    @Option(help: "Log level on standard error: trace, debug, info, notice, warning, error or critical.")
    var logLevel: LogLevelArgument = LogLevelArgument(.info)

    @Flag(help: "Show whole phone numbers in logs (by default only the country code and last 4 digits).")
    var logFullNumbers = false

    /// The API key, after printing any warning about its file to standard error.
    func apiKey(environment: [String: String]) throws -> String {
        let source = try APIKeySource.resolve(keyFile: apiKeyFile, environment: environment)
        if let warning = source.warning {
            FileHandle.standardError.write(Data((warning + "\n").utf8))
        }
        return source.key
    }

    /// The API base URL from `--base-url`, `VAANI_BASE_URL` or the production default, checked.
    func baseURL(option: String?, environment: [String: String]) throws -> URL {
        if let option {
            return try BaseURLPolicy.check(option, origin: "--base-url", allowInsecure: allowInsecure)
        }
        if let text = environment["VAANI_BASE_URL"], !text.isEmpty {
            return try BaseURLPolicy.check(text, origin: "VAANI_BASE_URL", allowInsecure: allowInsecure)
        }
        return VaaniConfiguration.productionBaseURL
    }

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
