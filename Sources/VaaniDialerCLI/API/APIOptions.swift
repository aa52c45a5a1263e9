import APIAccess
import ArgumentParser
import CampaignEngine
import Foundation
import VaaniAPI

/// How a command that talks to the API reaches it: `--base-url` and the key, transport and log
/// options of `run` (``AccessOptions``), plus the request timeout.
struct APIOptions: ParsableArguments {
    @Option(help: "The Vaani API's base URL (default $VAANI_BASE_URL, else https://api.vaanivoice.ai).")
    var baseURL: String?

    @Option(help: "Timeout of one API request (or of a pause while a recording streams), e.g. 30s.")
    var requestTimeout: String = "30s"

    @OptionGroup(title: "API key, transport and logs") var access: AccessOptions

    func validate() throws {
        _ = try timeout()
    }

    /// The configuration of a client: key, base URL and timeouts, checked.
    /// - Parameter environment: The process environment (for `VAANI_API_KEY`, `VAANI_BASE_URL`, …).
    /// - Throws: `ValidationError` for a missing or malformed key, a bad base URL or timeout.
    func configuration(environment: [String: String]) throws -> VaaniConfiguration {
        let timeout = try timeout()
        var configuration = VaaniConfiguration(
            apiKey: try access.api.apiKey(environment: environment),
            baseURL: try access.api.baseURL(option: baseURL, environment: environment),
            timeout: timeout
        )
        configuration.connectTimeout = min(configuration.connectTimeout, timeout)
        return configuration
    }

    /// Runs `body` with a client configured from the options and the process environment. A
    /// ``VaaniError`` that escapes `body` is printed on standard error (numbers masked unless
    /// `--log-full-numbers`) and becomes the exit code `run` uses for it (``APIFailure``).
    /// - Parameters:
    ///   - retryPolicy: When the client retries by itself.
    ///   - body: The work to do with the client.
    func withClient<Value>(
        retryPolicy: RetryPolicy = .default, _ body: (VaaniClient) async throws -> Value
    ) async throws -> Value {
        var configuration = try configuration(environment: ProcessInfo.processInfo.environment)
        configuration.retryPolicy = retryPolicy
        do {
            return try await VaaniClient.withClient(
                configuration, logger: access.makeLogger(label: "vaani.api"), body
            )
        } catch let error as VaaniError {
            let failure = APIFailure(error)
            printError(failure.message)
            throw failure.exitCode
        }
    }

    /// Writes `message` and a newline to standard error, phone numbers masked unless `--log-full-numbers`.
    func printError(_ message: String) {
        let text = access.logFullNumbers ? message : PhoneNumberMask().mask(message)
        FileHandle.standardError.write(Data("error: \(text)\n".utf8))
    }

    private func timeout() throws -> Duration {
        guard let duration = Duration.parse(requestTimeout), duration > .zero else {
            throw ValidationError("--request-timeout \(requestTimeout): not a duration like 30s, 5m or 2h")
        }
        return duration
    }
}
