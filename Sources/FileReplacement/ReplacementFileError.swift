#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file system refused to create, flush, close or rename a ``ReplacementFile`` (a full disk, no
/// permission): which file, and the system's reason.
///
/// ```swift
/// } catch let error as ReplacementFileError {
///     print("cannot write \(error.path): \(error.reason)")
/// }
/// ```
public struct ReplacementFileError: Error, CustomStringConvertible, Sendable {
    /// The file being replaced (not its temporary file, which is the product's business, not the
    /// user's).
    public let path: String
    /// The system's error number (`errno`), e.g. `ENOSPC` for a full disk.
    public let code: Int32

    /// The system's reason, e.g. "No space left on device".
    public var reason: String { String(cString: strerror(code)) }

    /// The path and the reason, e.g. "renewals.csv: Permission denied".
    public var description: String { "\(path): \(reason)" }
}
