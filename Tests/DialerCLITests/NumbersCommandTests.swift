import CampaignStore
import ArgumentParser
import Foundation
import Testing

@testable import VaaniDialerCLI

/// `vaani-dialer numbers` over real files.
@Suite("vaani-dialer numbers")
struct NumbersCommandTests {
    /// Writes `bytes` to a fresh temporary file and returns its path.
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("numbers-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        return url.path
    }

    func check(_ arguments: [String]) throws -> [String] {
        let command = try NumbersCommand.parse(arguments)
        var lines: [String] = []
        try command.check { lines.append($0) }
        return lines
    }

    @Test func printsTheNumberOrTheReasonForEveryLine() throws {
        let path = try temporaryFile(Array("+919876543210\r\n098765 43210\n9.19877E+11\n\nhello\n12345".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = try check([path, "--region", "IN"])
        #expect(lines.count == 6)
        #expect(lines[0] == "+919876543210\t+919876543210\tok\n")
        #expect(lines[1] == "098765 43210\t+919876543210\tok\n")
        #expect(lines[2].hasPrefix("9.19877E+11\t\tthe digits were lost to scientific notation"))
        #expect(lines[3] == "\t\tempty\n")
        #expect(lines[4].hasPrefix("hello\t\tletters ('hello') at column 1"))
        #expect(lines[5].hasPrefix("12345\t\t"))
    }

    @Test func aMissingFileIsAClearError() throws {
        let command = try NumbersCommand.parse(["/nonexistent/contacts.txt"])
        #expect {
            try command.check { _ in }
        } throws: { error in
            "\(error)" == "cannot open /nonexistent/contacts.txt: No such file or directory"
        }
    }

    @Test func anUnknownRegionIsRejectedBeforeReading() {
        #expect(throws: (any Error).self) { try NumbersCommand.parse(["-", "--region", "XX"]) }
    }

    @Test func anEndlessLineIsCutNotHeldInMemory() throws {
        var bytes = [UInt8](repeating: UInt8(ascii: "9"), count: 3_000_000)
        bytes += Array("\n+442079460018\n".utf8)
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = try check([path])
        #expect(lines.count == 2)
        #expect(lines[0].utf8.count < NumbersCommand.maximumLineLength + 200)
        #expect(lines[0].hasSuffix("\t\tlonger than 250 characters, which no phone number is\n"))
        #expect(lines[1] == "+442079460018\t+442079460018\tok\n")
    }

    @Test func invalidUTF8IsReportedNotFatal() throws {
        let path = try temporaryFile([0x39, 0x38, 0xFF, 0x37, 0x0A])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = try check([path, "--region", "IN"])
        #expect(lines.count == 1)
        #expect(lines[0].contains("column 3"))
    }
}
