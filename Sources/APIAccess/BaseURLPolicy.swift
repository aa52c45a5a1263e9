import ArgumentParser
public import Foundation

/// Which API base URLs a run may send the API key to: any `https://` URL, and plain `http://` only to
/// this machine (loopback, e.g. the simulator) unless the user passes `--allow-insecure`, because a
/// plain-text request exposes the key and every contact's number to the network.
///
/// ```swift
/// let url = try BaseURLPolicy.check("http://127.0.0.1:8000", origin: "--base-url", allowInsecure: false)
/// ```
public enum BaseURLPolicy {
    /// Parses and checks a base URL.
    /// - Parameters:
    ///   - text: The URL as given.
    ///   - origin: Where it came from (`--base-url` or `VAANI_BASE_URL`), for the message.
    ///   - allowInsecure: Whether plain `http://` to another host is allowed.
    /// - Returns: The URL.
    /// - Throws: `ValidationError` saying what is wrong and how to fix it.
    public static func check(_ text: String, origin: String, allowInsecure: Bool) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty
        else {
            throw ValidationError("\(origin) \(text): not a URL like https://api.vaanivoice.ai")
        }
        switch scheme {
        case "https":
            return url
        case "http":
            if isLoopback(host) || allowInsecure { return url }
            throw ValidationError(
                "\(origin) \(text): refusing to send the API key and contacts' numbers unencrypted to \(host) "
                    + "over plain http://. Use https://, or pass --allow-insecure if this network is trusted."
            )
        default:
            throw ValidationError("\(origin) \(text): the scheme must be https (or http to this machine), not \(scheme)")
        }
    }

    /// Whether `host` names this machine: `localhost`, `127.0.0.0/8` or `::1`.
    ///
    /// - Parameter host: A URL's host, with or without the brackets of an IPv6 address.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { octet in UInt8(octet).map { _ in !octet.isEmpty } ?? false }
    }
}
