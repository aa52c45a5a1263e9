public import Foundation

extension VaaniConfiguration {
    /// A configuration from the environment: `VAANI_API_KEY` (required) and `VAANI_BASE_URL` (optional).
    /// - Parameter environment: The variables to read; the process's environment by default.
    /// - Throws: ``VaaniError`` of kind `validation` when the key is missing or the URL is not an
    ///   `http`/`https` URL.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(VaaniError) -> VaaniConfiguration {
        guard let apiKey = environment["VAANI_API_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines),
            !apiKey.isEmpty
        else {
            throw VaaniError(
                kind: .validation,
                message: "VAANI_API_KEY is not set; export your Vaani API key (vaani_…)",
                requestMayHaveBeenSent: false
            )
        }
        var configuration = VaaniConfiguration(apiKey: apiKey)
        if let text = environment["VAANI_BASE_URL"]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                url.host != nil
            else {
                throw VaaniError(
                    kind: .validation,
                    message: "VAANI_BASE_URL is not an http(s) URL: \"\(text)\"",
                    requestMayHaveBeenSent: false
                )
            }
            configuration.baseURL = url
        }
        return configuration
    }
}
