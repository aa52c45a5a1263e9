import Foundation

/// An error of the campaign store that is not a plain SQLite failure: a file that cannot be opened,
/// a campaign that does not exist, a name that cannot be used.
///
/// New cases are added as static members, so callers that `switch` on ``code`` keep compiling.
public struct CampaignStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for callers that react differently to different failures.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case cannotOpen = "cannot open database"
            case campaignNotFound = "campaign not found"
            case invalidCampaignName = "invalid campaign name"
            case campaignAgentMismatch = "campaign agent mismatch"
            case invalidRecord = "invalid record"
            case readOnly = "read-only database"
            case storageFull = "database full"
            case locked = "database locked"
            case notADatabase = "not a database"
            case databaseFailure = "database failure"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The database file could not be created or opened.
        public static let cannotOpen = Code(.cannotOpen)
        /// No campaign has the given name or id.
        public static let campaignNotFound = Code(.campaignNotFound)
        /// A campaign name is empty, too long, or contains control characters or path separators.
        public static let invalidCampaignName = Code(.invalidCampaignName)
        /// A campaign exists under that name with a different agent.
        public static let campaignAgentMismatch = Code(.campaignAgentMismatch)
        /// A stored row holds a value that this version of the product does not understand.
        public static let invalidRecord = Code(.invalidRecord)
        /// The database file or its directory cannot be written.
        public static let readOnly = Code(.readOnly)
        /// A write failed because the disk (or the database's size limit) has no room left.
        public static let storageFull = Code(.storageFull)
        /// Another connection held a write lock for longer than the busy timeout.
        public static let locked = Code(.locked)
        /// The file is not an SQLite database, or it is damaged.
        public static let notADatabase = Code(.notADatabase)
        /// Any other SQLite failure.
        public static let databaseFailure = Code(.databaseFailure)

        /// A short English label of the code.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence that says what and where, ready to print.
    public let message: String

    /// A readable description: the message.
    public var description: String { message }

    /// Creates an error from its parts (for a store implementation); prefer the static factories.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The database file at `path` could not be created or opened.
    public static func cannotOpen(path: String, reason: String) -> CampaignStoreError {
        CampaignStoreError(code: .cannotOpen, message: "cannot open database \(path): \(reason)")
    }

    /// The database file or directory at `path` cannot be written, for `reason`.
    public static func readOnly(path: String, reason: String) -> CampaignStoreError {
        CampaignStoreError(
            code: .readOnly,
            message: "cannot write to \(path): \(reason). Make it writable by you (chmod u+w), or point --db elsewhere."
        )
    }

    /// No campaign is named `name`.
    public static func campaignNotFound(name: String) -> CampaignStoreError {
        CampaignStoreError(code: .campaignNotFound, message: "no campaign named \(quoted(name))")
    }

    /// No campaign has the id `id`.
    public static func campaignNotFound(id: Int64) -> CampaignStoreError {
        CampaignStoreError(code: .campaignNotFound, message: "no campaign with id \(id)")
    }

    /// `name` cannot name a campaign, for `reason`.
    public static func invalidCampaignName(_ name: String, reason: String) -> CampaignStoreError {
        CampaignStoreError(code: .invalidCampaignName, message: "invalid campaign name \(quoted(name)): \(reason)")
    }

    /// The campaign `name` already exists with agent `existing`, not `requested`.
    public static func campaignAgentMismatch(name: String, existing: String, requested: String) -> CampaignStoreError {
        CampaignStoreError(
            code: .campaignAgentMismatch,
            message: "campaign \(quoted(name)) already exists with agent \(quoted(existing)), not \(quoted(requested))"
        )
    }

    /// A stored value could not be read back.
    public static func invalidRecord(table: String, column: String, value: String) -> CampaignStoreError {
        CampaignStoreError(
            code: .invalidRecord,
            message: "table \(table), column \(column): unexpected value \(quoted(value))"
        )
    }

    /// Quotes a user-supplied string so that spaces and empty strings stay visible in messages.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
