import Crypto
import Foundation

// `stat` and its fields: member import visibility attributes the C struct to CoreFoundation's copy of
// <sys/stat.h> in some builds.
#if canImport(CoreFoundation)
import CoreFoundation
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server's access token: one secret that API clients and Prometheus send as
/// `Authorization: Bearer TOKEN` and that a browser trades for a session cookie once.
///
/// It lives in a file readable by its owner only (mode 0600), created with a fresh random token the
/// first time the server starts. The token never appears in a description.
public struct AccessToken: Sendable, Hashable, CustomStringConvertible {
    /// The secret.
    public let value: String

    /// Wraps a token.
    /// - Parameter value: The secret, at least 16 characters of printable ASCII without spaces.
    public init(_ value: String) {
        self.value = value
    }

    /// A new random token: `vds_` and 43 characters of URL-safe base64 (256 bits).
    public static func generate() -> AccessToken {
        let key = SymmetricKey(size: .bits256)
        let base64 = key.withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return AccessToken("vds_" + base64)
    }

    /// Whether `candidate` is the token, compared in constant time.
    public func matches(_ candidate: some StringProtocol) -> Bool {
        let expected = Array(value.utf8)
        let given = Array(candidate.utf8)
        var difference = UInt8(expected.count == given.count ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }

    /// `AccessToken(…)`: never the secret.
    public var description: String { "AccessToken(…)" }

    /// The token file of a database file: `PATH.token` beside it.
    /// - Parameter databasePath: The database's path.
    public static func defaultPath(forDatabase databasePath: String) -> String {
        databasePath + ".token"
    }

    /// Reads the token from `path`, creating the file with a new token (mode 0600) when it does not exist.
    /// - Parameter path: The token file.
    /// - Returns: The token and whether it was just created (so the caller prints it once).
    /// - Throws: ``AccessTokenError`` when the file cannot be created or read, or holds no token.
    public static func loadOrCreate(at path: String) throws(AccessTokenError) -> (token: AccessToken, created: Bool) {
        let token = generate()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            defer { close(descriptor) }
            let bytes = Array((token.value + "\n").utf8)
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == bytes.count, fsync(descriptor) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(path)
                throw AccessTokenError(path: path, reason: "cannot write the token file: \(reason)")
            }
            return (token, true)
        }
        guard errno == EEXIST else {
            throw AccessTokenError(path: path, reason: "cannot create the token file: \(String(cString: strerror(errno)))")
        }
        return (try load(at: path), false)
    }

    /// Reads the token from an existing file.
    /// - Parameter path: The token file.
    /// - Throws: ``AccessTokenError`` when it cannot be read, is readable by others, or holds no token.
    public static func load(at path: String) throws(AccessTokenError) -> AccessToken {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw AccessTokenError(path: path, reason: "cannot read the token file: \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw AccessTokenError(
                path: path,
                reason: "the token file is readable by group or others (mode \(String(status.st_mode & 0o777, radix: 8))); "
                    + "restrict it with: chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path), data.count <= 4096,
            let text = String(data: data, encoding: .utf8)
        else {
            throw AccessTokenError(path: path, reason: "the token file is not a short UTF-8 text file")
        }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard value.count >= 16, value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw AccessTokenError(
                path: path, reason: "the token file must hold one token of at least 16 printable characters")
        }
        return AccessToken(value)
    }
}

/// The access token file could not be used.
public struct AccessTokenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What is wrong.
    public var reason: String

    /// `PATH: REASON`.
    public var description: String { "\(path): \(reason)" }
}
