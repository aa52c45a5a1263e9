public import CampaignStore

/// Why an import cannot start or go on (problems with single rows go to the rejects file instead).
public struct ContactImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case noPhoneColumn = "no phone column"
            case columnNotFound = "column not found"
            case unknownRegion = "unknown region"
            case cannotWrite = "cannot write file"
            case stopped = "import stopped"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// No header names a phone column and `--phone-column` was not given.
        public static let noPhoneColumn = Code(.noPhoneColumn)
        /// `--phone-column` or `--name-column` names a column the header does not have.
        public static let columnNotFound = Code(.columnNotFound)
        /// `--region` is not a region code of the numbering plans.
        public static let unknownRegion = Code(.unknownRegion)
        /// The rejects file could not be written.
        public static let cannotWrite = Code(.cannotWrite)
        /// The file could not be read to its end; what was read before the problem is imported.
        public static let stopped = Code(.stopped)

        /// A short English label.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A message that says what and where.
    public let message: String
    /// For ``Code/stopped``: the counts of what was imported before the problem.
    public let countsBeforeStop: ImportCounts?

    /// The message.
    public var description: String { message }

    static func noPhoneColumn(path: String, header: [String]) -> ContactImportError {
        ContactImportError(
            code: .noPhoneColumn,
            message: "\(path):1: no phone column: the header (\(header.map { "\"\($0)\"" }.joined(separator: ", "))) has "
                + "none of phone, phone_number, mobile, number, contact_number, msisdn; name it with --phone-column",
            countsBeforeStop: nil
        )
    }

    static func columnNotFound(path: String, option: String, column: String, header: [String]) -> ContactImportError {
        ContactImportError(
            code: .columnNotFound,
            message: "\(path):1: \(option) \"\(column)\" is not a column of the header (\(header.map { "\"\($0)\"" }.joined(separator: ", ")))",
            countsBeforeStop: nil
        )
    }

    static func unknownRegion(_ region: String) -> ContactImportError {
        ContactImportError(
            code: .unknownRegion,
            message: "--region \"\(region)\" is not a known region code (use an ISO 3166 code such as IN, US, GB)",
            countsBeforeStop: nil
        )
    }

    static func cannotWrite(path: String, reason: String) -> ContactImportError {
        ContactImportError(code: .cannotWrite, message: "cannot write \(path): \(reason)", countsBeforeStop: nil)
    }

    static func stopped(by error: any Error, counts: ImportCounts) -> ContactImportError {
        ContactImportError(
            code: .stopped,
            message: "\(error)\nimport stopped there: \(counts.imported) contacts from the rows before it were imported; "
                + "fix the file and import it again (contacts already imported are skipped as duplicates)",
            countsBeforeStop: counts
        )
    }
}
