import FileReplacement
import Foundation

/// The rejects CSV of a campaign (`<db-dir>/<campaign>-rejects.csv`): one row per invalid input row,
/// with the file it came from, its line, the column at fault, the reason, and the original text.
///
/// Importing a file again replaces that file's earlier rejects and keeps the other files' rows, so
/// the rejects file, like the contacts, does not change when the same file is imported twice. The
/// new content goes to a temporary file (``ReplacementFile``) that replaces the old one only in
/// ``commit()``.
final class RejectsFile {
    static let header = ["source", "line", "column", "reason", "original"]

    let path: String
    let source: String
    private let file: ReplacementFile
    private let writer: CSVWriter
    private(set) var rowsFromThisSource = 0
    private(set) var rowsFromOtherSources = 0

    /// Starts a new version of the rejects file at `path` for rows of `source`.
    init(path: String, source: String) throws {
        self.path = path
        self.source = source
        do throws(ReplacementFileError) {
            file = try ReplacementFile(path: path)
        } catch {
            throw ContactImportError.cannotWrite(path: error.path, reason: error.reason)
        }
        writer = CSVWriter(descriptor: file.descriptor, path: path)
        do {
            try writer.write(Self.header)
            try copyOtherSources()
        } catch {
            file.discard()
            throw error
        }
    }

    /// Records one rejected row.
    func add(line: Int, column: String, reason: String, original: String) throws {
        try writer.write([source, String(line), column, reason, original])
        rowsFromThisSource += 1
    }

    /// Replaces the rejects file with the new version, or removes it when no file has rejects.
    ///
    /// - Returns: The path of the rejects file, or `nil` when there is none.
    @discardableResult
    func commit() throws -> String? {
        do {
            try writer.flush()
        } catch {
            file.discard()
            throw error
        }
        guard rowsFromThisSource + rowsFromOtherSources > 0 else {
            file.discard()
            unlink(path)
            return nil
        }
        do throws(ReplacementFileError) {
            try file.commit()
        } catch {
            throw ContactImportError.cannotWrite(path: error.path, reason: error.reason)
        }
        return path
    }

    /// Drops the new version and leaves the old file as it was.
    func discard() {
        file.discard()
    }

    private func copyOtherSources() throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            let reader = try CSVReader(path: path, delimiter: UInt8(ascii: ","))
            var record = CSVRecord()
            guard try reader.next(into: &record) else { return }  // the header
            while try reader.next(into: &record) {
                guard record[0] != source else { continue }
                try writer.write((0..<record.count).map { record[$0] })
                rowsFromOtherSources += 1
            }
        } catch let error as CSVError where error.code == .empty {
            return
        } catch let error as CSVError {
            throw ContactImportError.cannotWrite(
                path: path,
                reason: "the existing rejects file cannot be read (\(error)); move it away and import again"
            )
        }
    }
}
