import CampaignStore
import Foundation

/// A private scratch directory (0700) removed when the test ends, with helpers for the files a test
/// hands to the dialer.
struct SafetyDirectory {
    let url: URL

    /// Runs `body` with a fresh directory.
    static func with<Value>(_ body: (SafetyDirectory) async throws -> Value) async throws -> Value {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vaani-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer {
            // Make anything a test made read-only removable again.
            if let enumerator = FileManager.default.enumerator(atPath: url.path) {
                for case let item as String in enumerator {
                    chmod(url.appendingPathComponent(item).path, 0o700)
                }
            }
            try? FileManager.default.removeItem(at: url)
        }
        return try await body(SafetyDirectory(url: url))
    }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` with `mode`, returning the path.
    @discardableResult
    func write(_ name: String, _ text: String, mode: Int = 0o600) throws -> String {
        let path = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode_t(mode))
        return path
    }

    /// The permission bits of `name` (or of any absolute path).
    func mode(_ name: String) throws -> Int {
        let path = name.hasPrefix("/") ? name : path(name)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o777
    }

    /// Every regular file under the directory, recursively, with its bytes.
    func allFiles() throws -> [(path: String, bytes: Data)] {
        var files: [(String, Data)] = []
        guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return [] }
        for case let item as String in enumerator {
            let path = url.appendingPathComponent(item).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append((path, try Data(contentsOf: URL(fileURLWithPath: path))))
            }
        }
        return files
    }
}
