import ArgumentParser
import Foundation

// `stat` and its fields: in a whole-module (release) build the C struct is attributed to
// CoreFoundation's copy of <sys/stat.h>, which member import visibility then requires to be imported.
#if canImport(CoreFoundation)
import CoreFoundation
#endif

/// Where the API key comes from: `--api-key-file PATH`, else `VAANI_API_KEY`, else
/// `VAANI_API_KEY_FILE`. A key file readable by group or others still works but earns a warning that
/// names the file and the `chmod 600` that fixes it. No message ever contains the key itself.
///
/// ```swift
/// let source = try APIKeySource.resolve(keyFile: nil, environment: ProcessInfo.processInfo.environment)
/// if let warning = source.warning { print(warning) }
/// ```
public struct APIKeySource: Sendable {
    /// The key, trimmed of surrounding whitespace.
    public let key: String
    /// A warning to print on standard error, or `nil` when all is well.
    public let warning: String?

    /// The most bytes read from a key file: a key is about 40 characters, so anything longer is not one.
    public static let keyFileLimit = 4096

    /// Resolves the key.
    /// - Parameters:
    ///   - keyFile: The `--api-key-file` option, if given.
    ///   - environment: The process environment.
    /// - Throws: `ValidationError` naming the variable or file that is missing, unreadable or not a key.
    public static func resolve(keyFile: String?, environment: [String: String]) throws -> APIKeySource {
        if let keyFile {
            return try load(file: keyFile, origin: "--api-key-file")
        }
        let direct = environment["VAANI_API_KEY"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let file = environment["VAANI_API_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        if let direct, !direct.isEmpty {
            if file != nil {
                throw ValidationError(
                    "Both VAANI_API_KEY and VAANI_API_KEY_FILE are set; set only one of them (or pass --api-key-file)."
                )
            }
            try checkCharacters(direct, origin: "VAANI_API_KEY")
            return APIKeySource(key: direct, warning: nil)
        }
        if let file {
            return try load(file: file, origin: "VAANI_API_KEY_FILE")
        }
        throw ValidationError(
            "No API key: set VAANI_API_KEY, or put the key in a file only you can read (chmod 600) and pass "
                + "--api-key-file PATH or set VAANI_API_KEY_FILE."
        )
    }

    /// Reads a key file: one key, optionally followed by a newline.
    private static func load(file path: String, origin: String) throws -> APIKeySource {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ValidationError("\(origin) \(path): cannot read the API key file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw ValidationError("\(origin) \(path): cannot read the API key file: \(String(cString: strerror(errno)))")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw ValidationError("\(origin) \(path): not a regular file")
        }
        var bytes = [UInt8](repeating: 0, count: keyFileLimit + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw ValidationError("\(origin) \(path): cannot read the API key file: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            count += got
        }
        guard count <= keyFileLimit else {
            throw ValidationError("\(origin) \(path): more than \(keyFileLimit) bytes; an API key file holds one key")
        }
        guard let text = String(validating: bytes[..<count], as: UTF8.self) else {
            throw ValidationError("\(origin) \(path): not UTF-8 text; an API key file holds one key")
        }
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else {
            throw ValidationError("\(origin) \(path): the file is empty; put your Vaani API key (vaani_…) in it")
        }
        try checkCharacters(key, origin: "\(origin) \(path)")
        let mode = status.st_mode & 0o777
        let warning: String? =
            mode & 0o077 == 0
            ? nil
            : "warning: API key file \(path) is readable by group/others (mode \(String(mode, radix: 8))); "
                + "restrict it with: chmod 600 \(path)"
        return APIKeySource(key: key, warning: warning)
    }

    /// A key is one line of printable ASCII without spaces: anything else would corrupt the request header.
    private static func checkCharacters(_ key: String, origin: String) throws {
        if let index = key.unicodeScalars.firstIndex(where: { !($0.value > 0x20 && $0.value < 0x7F) }) {
            let position = key.unicodeScalars.distance(from: key.unicodeScalars.startIndex, to: index) + 1
            throw ValidationError(
                "\(origin): the API key has a space, control or non-ASCII character at position \(position); "
                    + "a Vaani key looks like vaani_ followed by 32 hex digits"
            )
        }
    }
}
