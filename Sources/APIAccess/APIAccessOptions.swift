public import ArgumentParser
public import Foundation
import VaaniAPI

/// The options that decide where the API key comes from and where it may be sent: `--api-key-file` and
/// `--allow-insecure`, for every executable that talks to the Vaani API (`vaani-dialer` and
/// `vaani-dialer-bench`), so that they all resolve the key and check the base URL the same way.
///
/// ```swift
/// struct HealthCommand: AsyncParsableCommand {
///     @Option var baseURL: String?
///     @OptionGroup var access: APIAccessOptions
///
///     func run() async throws {
///         let environment = ProcessInfo.processInfo.environment
///         let url = try access.baseURL(option: baseURL, environment: environment)
///         let key = try access.apiKey(environment: environment)
///         // …
///     }
/// }
/// ```
public struct APIAccessOptions: ParsableArguments, Sendable {
    /// `--api-key-file PATH`: a file holding the key, instead of the environment.
    @Option(
        help: ArgumentHelp(
            "A file holding the Vaani API key (instead of $VAANI_API_KEY or $VAANI_API_KEY_FILE).",
            discussion: "It should be readable by you only (chmod 600); otherwise a warning is printed.",
            valueName: "path"
        )
    )
    public var apiKeyFile: String?

    /// `--allow-insecure`: whether plain `http://` to another machine is allowed (see ``BaseURLPolicy``).
    @Flag(help: "Allow a plain http:// base URL to a host other than this machine (sends the key unencrypted).")
    public var allowInsecure = false

    /// Creates the options with their defaults (no key file, plain http only to this machine).
    public init() {}

    /// The API key (see ``APIKeySource``), after printing any warning about its file to standard error.
    ///
    /// - Parameter environment: The process environment (`VAANI_API_KEY`, `VAANI_API_KEY_FILE`).
    /// - Throws: `ValidationError` naming the variable or file that is missing, unreadable or not a key.
    public func apiKey(environment: [String: String]) throws -> String {
        let source = try APIKeySource.resolve(keyFile: apiKeyFile, environment: environment)
        if let warning = source.warning {
            FileHandle.standardError.write(Data((warning + "\n").utf8))
        }
        return source.key
    }

    /// The API base URL from `--base-url`, `VAANI_BASE_URL` or the production default, checked by
    /// ``BaseURLPolicy``.
    ///
    /// - Parameters:
    ///   - option: The `--base-url` option, if given.
    ///   - environment: The process environment (`VAANI_BASE_URL`).
    /// - Throws: `ValidationError` saying what is wrong with the URL and how to fix it.
    public func baseURL(option: String?, environment: [String: String]) throws -> URL {
        if let option {
            return try BaseURLPolicy.check(option, origin: "--base-url", allowInsecure: allowInsecure)
        }
        if let text = environment["VAANI_BASE_URL"], !text.isEmpty {
            return try BaseURLPolicy.check(text, origin: "VAANI_BASE_URL", allowInsecure: allowInsecure)
        }
        return VaaniConfiguration.productionBaseURL
    }
}
