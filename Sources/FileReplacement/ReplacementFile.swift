#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new version of a file, written under a temporary name beside it and renamed over it once whole:
/// for every file the product replaces (reports, the rejects CSV, recordings).
///
/// So a file under its final name is always complete, and a write cut short (a failed export, a full
/// disk, a dropped connection, a killed process) leaves at most the temporary file, which the next
/// write of the same file replaces. The temporary file is `.NAME.part` in the destination's directory
/// (the same file system, so the rename is atomic), created or truncated readable and writable by its
/// owner only, because what the product writes holds contacts. ``commit()`` flushes it to disk, closes
/// it and renames it into place; ``discard()``, or letting go of an uncommitted file, closes and
/// removes it.
///
/// ```swift
/// let file = try ReplacementFile(path: "renewals.csv")
/// do {
///     try writeReport(to: file.descriptor)
///     try file.commit()
/// } catch {
///     file.discard()
///     throw error
/// }
/// ```
public final class ReplacementFile {
    /// Where the complete file goes.
    public let path: String
    /// The file being written: `.NAME.part` beside ``path``.
    public let temporaryPath: String
    /// The open temporary file, for writing; closed by ``commit()`` or ``discard()``.
    public let descriptor: Int32

    private var state = State.open

    private enum State {
        case open, committed, discarded
    }

    /// Creates (or truncates) the temporary file of `path`, owner-only.
    ///
    /// - Parameter path: The file to replace (or create).
    /// - Throws: ``ReplacementFileError`` naming `path` when its temporary file cannot be created.
    public init(path: String) throws(ReplacementFileError) {
        self.path = path
        temporaryPath = Self.temporaryPath(of: path)
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ReplacementFileError(path: path, code: errno) }
    }

    deinit {
        discard()
    }

    /// Flushes the temporary file to disk, closes it and renames it to ``path``. On failure the
    /// temporary file is removed and the file at ``path``, if any, is left as it was.
    ///
    /// - Throws: ``ReplacementFileError`` naming ``path`` when the flush, the close or the rename fails.
    public func commit() throws(ReplacementFileError) {
        precondition(state == .open, "\(path): the replacement was already committed or discarded")
        state = .committed
        var failure: ReplacementFileError?
        if fsync(descriptor) != 0 {
            failure = ReplacementFileError(path: path, code: errno)
            close(descriptor)
        } else if close(descriptor) != 0 {
            failure = ReplacementFileError(path: path, code: errno)
        } else if rename(temporaryPath, path) != 0 {
            failure = ReplacementFileError(path: path, code: errno)
        }
        if let failure {
            unlink(temporaryPath)
            throw failure
        }
    }

    /// Closes and removes the temporary file, leaving the file at ``path`` as it was. Does nothing
    /// after ``commit()`` or a first `discard()`.
    public func discard() {
        guard state == .open else { return }
        state = .discarded
        close(descriptor)
        unlink(temporaryPath)
    }

    /// `.NAME.part` in the directory of `path`.
    static func temporaryPath(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return ".\(path).part" }
        let name = path[path.index(after: slash)...]
        return "\(path[...slash]).\(name).part"
    }
}
