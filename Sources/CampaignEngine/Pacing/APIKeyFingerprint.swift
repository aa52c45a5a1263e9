import Crypto

/// A stable name for an API key that does not reveal it: what the store keys the learned rate limit
/// by, since the API's limit is per key.
public enum APIKeyFingerprint {
    /// The first 16 hexadecimal digits of the key's SHA-256 (64 bits: enough to tell keys apart on
    /// one installation, far too few to find the key from).
    /// - Parameter key: The API key.
    public static func of(_ key: String) -> String {
        SHA256.hash(data: Array(key.utf8)).prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
