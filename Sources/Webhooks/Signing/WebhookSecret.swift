import Crypto
import Foundation

/// A Standard Webhooks signing secret: `whsec_` followed by the base64 of 24 to 64 random bytes.
///
/// The key never appears in `description`, `debugDescription`, `dump` or string interpolation; only
/// ``serialized`` returns it, for writing the secret file. ``fingerprint`` tells secrets apart in
/// messages without revealing them.
///
/// ```swift
/// let secret = try WebhookSecret(parsing: String(contentsOfFile: path, encoding: .utf8))
/// print("signing with \(secret)")  // signing with whsec_… (32 bytes, fingerprint 3f9a41c2)
/// ```
public struct WebhookSecret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The prefix that marks a Standard Webhooks symmetric secret.
    public static let prefix = "whsec_"
    /// The fewest random bytes a secret may have (192 bits, the Standard Webhooks minimum).
    public static let minimumByteCount = 24
    /// The most random bytes a secret may have.
    public static let maximumByteCount = 64

    /// The HMAC key.
    let key: SymmetricKey

    /// Parses a secret as a secret file holds it. Surrounding whitespace (a file's final newline) is
    /// ignored, and so is missing base64 padding.
    ///
    /// - Parameter text: `whsec_` and base64, for example `whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw`.
    /// - Throws: ``WebhookError/invalidSecret`` saying what is wrong (empty, no prefix, not base64, too
    ///   short or too long); the message never contains the secret or any part of it.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let rule =
            "a webhook secret is \(Self.prefix) followed by the base64 of \(Self.minimumByteCount) to "
            + "\(Self.maximumByteCount) random bytes"
        guard !trimmed.isEmpty else {
            throw WebhookError.invalidSecret.with("the webhook secret is empty: \(rule)")
        }
        guard trimmed.hasPrefix(Self.prefix) else {
            throw WebhookError.invalidSecret.with("the webhook secret does not start with \(Self.prefix): \(rule)")
        }
        let encoded = trimmed.dropFirst(Self.prefix.count)
        let isBase64Character: (UInt8) -> Bool = { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
                true
            default:
                false
            }
        }
        if let offset = encoded.utf8.firstIndex(where: { !isBase64Character($0) }) {
            let position = encoded.utf8.distance(from: encoded.utf8.startIndex, to: offset) + 1
            throw WebhookError.invalidSecret.with(
                "the webhook secret is not base64 after \(Self.prefix): character \(position) after the prefix "
                    + "is not one of A-Z a-z 0-9 + / =; \(rule)"
            )
        }
        let unpadded = encoded.prefix { $0 != "=" }
        let padding = String(repeating: "=", count: (4 - unpadded.count % 4) % 4)
        guard unpadded.count % 4 != 1, encoded.dropFirst(unpadded.count).allSatisfy({ $0 == "=" }),
            let bytes = Data(base64Encoded: String(unpadded) + padding)
        else {
            throw WebhookError.invalidSecret.with(
                "the webhook secret is not base64 after \(Self.prefix): its length or padding is wrong; \(rule)"
            )
        }
        guard (Self.minimumByteCount...Self.maximumByteCount).contains(bytes.count) else {
            let size = bytes.count < Self.minimumByteCount ? "too short" : "too long"
            throw WebhookError.invalidSecret.with(
                "the webhook secret is \(size): it holds \(bytes.count) bytes; \(rule)"
            )
        }
        key = SymmetricKey(data: bytes)
    }

    /// A new secret of fresh random bytes from the system's secure generator.
    ///
    /// - Parameter byteCount: How many random bytes, clamped to 24…64. 32 (256 bits) by default.
    /// - Returns: The secret; write ``serialized`` to a file only the user can read.
    public static func generate(byteCount: Int = 32) -> WebhookSecret {
        let count = min(max(byteCount, minimumByteCount), maximumByteCount)
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return WebhookSecret(key: SymmetricKey(data: bytes))
    }

    private init(key: SymmetricKey) {
        self.key = key
    }

    /// How many random bytes the key has.
    public var byteCount: Int { key.bitCount / 8 }

    /// The secret as a secret file holds it, `whsec_` and base64. It reveals the key: write it only to
    /// a file readable by its owner alone, and never log it.
    public var serialized: String {
        Self.prefix + key.withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// The first 8 hexadecimal digits of the SHA-256 of the key: tells two secrets apart (during a
    /// rotation, say) without revealing either.
    public var fingerprint: String {
        let digest = key.withUnsafeBytes { SHA256.hash(data: Array($0)) }
        return digest.prefix(4).map { byte in
            (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }

    /// `whsec_… (32 bytes, fingerprint 3f9a41c2)`: never the key.
    public var description: String {
        "\(Self.prefix)… (\(byteCount) bytes, fingerprint \(fingerprint))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// Shows the fingerprint only, so `dump` and debuggers never print the key.
    public var customMirror: Mirror {
        Mirror(self, children: ["fingerprint": fingerprint, "byteCount": byteCount], displayStyle: .struct)
    }

    /// Whether both hold the same key, compared in constant time.
    public static func == (lhs: WebhookSecret, rhs: WebhookSecret) -> Bool {
        lhs.key == rhs.key
    }
}
