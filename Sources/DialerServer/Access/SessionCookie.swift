import Crypto
import Foundation

/// The browser's session: a cookie that proves its holder logged in with the access token, and the
/// CSRF token derived from it.
///
/// Both are HMAC-SHA256 signatures keyed by the access token, so the server keeps no session table:
/// sessions survive a restart, and a new token file ends every session. The cookie's value is
/// `v1.EXPIRY.NONCE.SIGNATURE` (expiry in Unix seconds).
struct SessionCookie: Sendable {
    /// The cookie's name.
    static let name = "vaani_session"
    /// How long a session lasts.
    static let lifetime: TimeInterval = 12 * 3600

    let key: SymmetricKey

    init(token: AccessToken) {
        key = SymmetricKey(data: Data(SHA256.hash(data: Data(("vaani-dialer session|" + token.value).utf8))))
    }

    /// A new session value, valid for ``lifetime``.
    func issue(now: Date = Date()) -> String {
        let expiry = Int64(now.addingTimeInterval(Self.lifetime).timeIntervalSince1970)
        let nonce = SymmetricKey(size: .bits128).withUnsafeBytes { Self.hex($0) }
        let payload = "v1.\(expiry).\(nonce)"
        return payload + "." + sign(payload)
    }

    /// Whether `value` is a session this server issued that has not expired.
    func verify(_ value: some StringProtocol, now: Date = Date()) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "v1", let expiry = Int64(parts[1]) else { return false }
        let payload = parts[0..<3].joined(separator: ".")
        guard Self.constantTimeEqual(sign(payload), String(parts[3])) else { return false }
        return Double(expiry) > now.timeIntervalSince1970
    }

    /// The CSRF token of a session: forms and scripts send it with every state-changing request.
    func csrfToken(forSession value: some StringProtocol) -> String {
        sign("csrf|" + value)
    }

    /// Whether `candidate` is the CSRF token of the session `value`.
    func verifyCSRF(_ candidate: some StringProtocol, session value: some StringProtocol) -> Bool {
        Self.constantTimeEqual(csrfToken(forSession: value), String(candidate))
    }

    private func sign(_ text: String) -> String {
        Self.hex(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
