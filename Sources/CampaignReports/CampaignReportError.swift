import Foundation

/// Why a report or a status could not be produced. Every case names what and where.
///
/// A struct around a private code, so that new cases do not break callers' `switch` statements;
/// compare with the static members: `error == .unknownCampaign(name: "renewals")`.
public struct CampaignReportError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case unknownCampaign(name: String)
        case cannotWrite(path: String, reason: String)
        case invalidStoredValue(table: String, column: String, rowID: Int64, value: String)
    }

    private let code: Code

    private init(_ code: Code) {
        self.code = code
    }

    /// No campaign has this name in the database.
    public static func unknownCampaign(name: String) -> CampaignReportError {
        CampaignReportError(.unknownCampaign(name: name))
    }

    /// The report file could not be created or written (disk full, permissions, missing directory).
    public static func cannotWrite(path: String, reason: String) -> CampaignReportError {
        CampaignReportError(.cannotWrite(path: path, reason: reason))
    }

    /// A stored value is not one this version understands (for example a row edited by hand).
    public static func invalidStoredValue(table: String, column: String, rowID: Int64, value: String)
        -> CampaignReportError
    {
        CampaignReportError(.invalidStoredValue(table: table, column: column, rowID: rowID, value: value))
    }

    /// A sentence for the user.
    public var description: String {
        switch code {
        case .unknownCampaign(let name):
            "No campaign named \(Self.quoted(name)) in this database; `vaani-dialer list` shows the campaigns."
        case .cannotWrite(let path, let reason):
            "Cannot write the report to \(path): \(reason)."
        case .invalidStoredValue(let table, let column, let rowID, let value):
            "The database holds an unexpected value in \(table).\(column) of row \(rowID): \(Self.quoted(value))."
        }
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.prefix(200).replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
