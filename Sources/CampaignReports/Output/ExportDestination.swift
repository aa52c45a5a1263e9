/// Where an export goes.
public enum ExportDestination: Sendable, Hashable {
    /// A file, created with owner-only permissions. The report is written to a temporary file next
    /// to it and renamed into place when complete, so a failed export never leaves half a report
    /// under the final name.
    case file(path: String)
    /// The process's standard output.
    case standardOutput
}
