import Foundation

/// The product's rule for where requests may go in plain text, as the API's base URL follows it:
/// any `https://` URL; `http://` only to this machine (`localhost`, `127.0.0.0/8`, `::1`) unless the
/// user allows insecure transport.
enum EndpointURLPolicy {
    /// Parses and checks a webhook URL.
    /// - Parameters:
    ///   - text: The URL as given.
    ///   - origin: Where it came from, for the message.
    ///   - allowInsecure: Whether plain `http://` to another machine is allowed.
    static func check(_ text: String, origin: String, allowInsecure: Bool) throws -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), let host = url.host(),
            !host.isEmpty
        else {
            throw WebhookError.invalidURL.with("\(origin): not a URL like https://crm.example.com/hooks/vaani")
        }
        let shown = redacted(url)
        switch scheme {
        case "https":
            return url
        case "http":
            if allowInsecure || isLoopback(host) { return url }
            throw WebhookError.insecureURL.with(
                "\(origin) \(shown): refusing to send contacts' numbers and call results unencrypted to \(host) "
                    + "over plain http://. Use https://, or pass --allow-insecure if this network is trusted."
            )
        default:
            throw WebhookError.invalidURL.with(
                "\(origin) \(shown): the scheme must be https (or http to this machine), not \(scheme)"
            )
        }
    }

    /// Whether `host` is this machine: `localhost` or a name under `.localhost`, `::1`, or an IPv4
    /// address in `127.0.0.0/8` written as four decimal numbers.
    static func isLoopback(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name == "::1" || name == "localhost" || name.hasSuffix(".localhost") { return true }
        let numbers = name.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 4, numbers.first == "127" else { return false }
        return numbers.allSatisfy { number in
            (1...3).contains(number.count) && number.allSatisfy { $0.isASCII && $0.isNumber }
                && Int(number).map { $0 <= 255 } == true
        }
    }

    /// `scheme://host[:port]/…`: enough to tell endpoints apart, without a path or query that may hold
    /// a token.
    static func redacted(_ url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? "https"
        var host = url.host() ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = url.port.map { ":\($0)" } ?? ""
        let hasMore = !(url.path().isEmpty || url.path() == "/") || url.query() != nil
        return "\(scheme)://\(host.contains(":") ? "[\(host)]" : host)\(port)/\(hasMore ? "…" : "")"
    }
}
