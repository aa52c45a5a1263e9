import Foundation
import Testing

@testable import FileReplacement

@Suite("Replacing a file")
struct ReplacementFileTests {
    /// A fresh directory, holding the file `existing` with the text "old" when given, removed after `body`.
    func withDirectory(existing: String? = nil, _ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("replace-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        if let existing { try Data("old".utf8).write(to: URL(fileURLWithPath: directory + "/" + existing)) }
        try body(directory)
    }

    func write(_ text: String, to file: ReplacementFile) {
        FileHandle(fileDescriptor: file.descriptor, closeOnDealloc: false).write(Data(text.utf8))
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("the temporary file is .NAME.part beside the destination")
    func temporaryName() {
        #expect(ReplacementFile.temporaryPath(of: "out.csv") == ".out.csv.part")
        #expect(ReplacementFile.temporaryPath(of: "reports/out.csv") == "reports/.out.csv.part")
        #expect(ReplacementFile.temporaryPath(of: "/tmp/a b/call.wav") == "/tmp/a b/.call.wav.part")
    }

    @Test("a committed file replaces the old one, owner-only, and no temporary file is left")
    func commit() throws {
        try withDirectory(existing: "out.csv") { directory in
            let path = directory + "/out.csv"
            let file = try ReplacementFile(path: path)
            #expect(FileManager.default.fileExists(atPath: directory + "/.out.csv.part"))
            write("new", to: file)
            #expect(contents(path) == "old")
            try file.commit()
            #expect(contents(path) == "new")
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.csv"])
            file.discard()
            #expect(contents(path) == "new")
        }
    }

    @Test("a discarded or abandoned file leaves the old one as it was and nothing else")
    func discard() throws {
        try withDirectory(existing: "rejects.csv") { directory in
            let path = directory + "/rejects.csv"
            let file = try ReplacementFile(path: path)
            write("half", to: file)
            file.discard()
            file.discard()
            #expect(contents(path) == "old")
            do {
                let abandoned = try ReplacementFile(path: path)
                write("half", to: abandoned)
            }
            #expect(contents(path) == "old")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["rejects.csv"])
        }
    }

    @Test("a failed rename names the destination and removes the temporary file")
    func failedRename() throws {
        try withDirectory { directory in
            let path = directory + "/taken"
            try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
            let file = try ReplacementFile(path: path)
            #expect {
                try file.commit()
            } throws: { error in
                let error = error as? ReplacementFileError
                return error?.path == path && error?.code != 0 && error?.description.hasPrefix(path + ": ") == true
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["taken"])
        }
    }

    @Test("a file whose temporary file cannot be created is named with the system's reason")
    func cannotCreate() {
        #expect {
            _ = try ReplacementFile(path: "/nonexistent-directory/out.csv")
        } throws: { error in
            "\(error)" == "/nonexistent-directory/out.csv: No such file or directory"
        }
    }
}
