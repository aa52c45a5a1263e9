import ArgumentParser
import CampaignStore
import Foundation
import SQLiteStore

/// The `--db PATH` option shared by every command that reads or writes campaigns.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The campaign database.",
            discussion: "Defaults to $VAANI_DIALER_DB, else ./vaani-dialer.sqlite.",
            valueName: "path"
        )
    )
    var path: String?

    /// The path given, else the environment's, else the default.
    var resolvedPath: String {
        path ?? ProcessInfo.processInfo.environment["VAANI_DIALER_DB"] ?? "vaani-dialer.sqlite"
    }

    /// Opens the store for writing commands (`import`), creating it, owner-only, when missing.
    func open() throws -> any DialerStore {
        try CampaignDatabase.open(at: try filePath())
    }

    /// Opens an existing store for commands that change it (run, resume, pause, cancel); a missing
    /// file is an error, not a new database.
    func openExisting() throws -> any DialerStore {
        try CampaignDatabase.open(at: existingPath())
    }

    /// The existing store for a command that only reads it (status, list, plan, export), which also
    /// works on a read-only file.
    func openExistingForReading() throws -> any DialerStore {
        try CampaignDatabase.openForReading(at: existingPath())
    }

    /// The store error for a failure of the store at ``resolvedPath`` that was thrown before a store was
    /// open, or by one: a `CampaignStoreError` as it is, an SQLite error in words, else `nil`.
    func storeError(for error: any Error) -> CampaignStoreError? {
        CampaignStoreError.translating(error, path: resolvedPath)
    }

    /// The database file's path; a value with a URL scheme this version does not store in is refused,
    /// rather than taken for a directory named after the scheme.
    private func filePath() throws -> String {
        let value = resolvedPath
        if let scheme = Self.scheme(of: value) {
            throw ValidationError(
                "--db \(Self.redacted(value)): this version stores campaigns in an SQLite file and does not know "
                    + "the \"\(scheme)\" scheme. Give a file path such as ./vaani-dialer.sqlite."
            )
        }
        return value
    }

    /// The database path, which must exist.
    private func existingPath() throws -> String {
        let path = try filePath()
        guard FileManager.default.fileExists(atPath: path) else {
            throw MissingDatabase(
                description: "No campaign database at \(path). Import contacts first (`vaani-dialer import FILE.csv --campaign NAME "
                    + "--agent AGENT_ID`), or point --db or VAANI_DIALER_DB at the database."
            )
        }
        return path
    }

    /// The scheme of a `scheme://…` value (letters, digits, `+`, `-`, `.` after a letter), or `nil` for
    /// a path.
    static func scheme(of value: String) -> String? {
        guard let separator = value.range(of: "://") else { return nil }
        let scheme = value[..<separator.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return String(scheme)
    }

    /// `value` with any password in its user information replaced by `***`.
    static func redacted(_ value: String) -> String {
        guard let schemeEnd = value.range(of: "://"), let at = value[schemeEnd.upperBound...].lastIndex(of: "@"),
            let colon = value[schemeEnd.upperBound..<at].firstIndex(of: ":")
        else { return value }
        return String(value[..<value.index(after: colon)]) + "***" + String(value[at...])
    }
}

/// The database file a reading command was pointed at does not exist.
struct MissingDatabase: Error, CustomStringConvertible {
    /// What is missing and how to fix it.
    let description: String
}
