import ArgumentParser
import CampaignStore
import Foundation

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

    /// Opens the database for writing commands (`import`), creating it, owner-only, when missing.
    func open() throws -> CampaignDatabase {
        try CampaignDatabase.open(at: resolvedPath)
    }

    /// Opens an existing database for commands that change it (run, resume, pause, cancel); a missing
    /// file is an error, not a new database.
    func openExisting() throws -> CampaignDatabase {
        try CampaignDatabase.open(at: existingPath())
    }

    /// The existing database for a command that only reads it (status, list, plan, export), which
    /// also works on a read-only file.
    func openExistingForReading() throws -> CampaignDatabase {
        try CampaignDatabase.openForReading(at: existingPath())
    }

    /// The database path, which must exist.
    private func existingPath() throws -> String {
        let path = resolvedPath
        guard FileManager.default.fileExists(atPath: path) else {
            throw MissingDatabase(
                description: "No campaign database at \(path). Import contacts first (`vaani-dialer import FILE.csv --campaign NAME "
                    + "--agent AGENT_ID`), or point --db or VAANI_DIALER_DB at the database."
            )
        }
        return path
    }
}

/// The database file a reading command was pointed at does not exist.
struct MissingDatabase: Error, CustomStringConvertible {
    /// What is missing and how to fix it.
    let description: String
}
