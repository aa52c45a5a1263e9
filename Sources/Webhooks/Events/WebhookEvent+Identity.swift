import Crypto

extension WebhookEvent {
    /// `evt_` and the first 16 bytes, in hexadecimal, of the SHA-256 of the namespace, the type and the
    /// subject (what within the campaign the event is about). The same in every process and on every
    /// platform, unlike Swift's seeded `Hasher`; free of `.`, as Standard Webhooks asks of ids.
    static func deriveID(namespace: String, type: String, subject: String) -> String {
        var text: [UInt8] = Array("vaani-dialer webhook event v1".utf8)
        for part in [namespace, type, subject] {
            text.append(0)
            text.append(contentsOf: part.utf8)
        }
        let digest = SHA256.hash(data: text)
        let hex = digest.prefix(16).map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }
        return "evt_" + hex.joined()
    }
}
