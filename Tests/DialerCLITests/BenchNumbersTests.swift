import Foundation
import Testing

/// `vaani-dialer-bench numbers`, which `scripts/bench-phone.sh` runs over every libphonenumber region,
/// and the `vaani-dialer` it was taken out of.
@Suite("vaani-dialer-bench numbers")
struct BenchNumbersTests {
    @Test("an empty list is said so, and a missing file is named")
    func inputs() async throws {
        try await SafetyDirectory.with { directory in
            let empty = try directory.write("empty.txt", "")
            let none = try await DialerProcess.run(["numbers", empty], in: directory.url, program: "vaani-dialer-bench")
            #expect(none.status == 0, "\(none.allOutput)")
            #expect(none.standardOutput == "no numbers to validate\n")

            let missing = try await DialerProcess.run(
                ["numbers", directory.path("missing.txt")], in: directory.url, program: "vaani-dialer-bench"
            )
            #expect(missing.status == 1, "\(missing.allOutput)")
            #expect(missing.standardError.contains("Error: cannot read \(directory.path("missing.txt"))"))
        }
    }

    @Test("the shipped vaani-dialer has no benchmark commands")
    func notInTheProduct() async throws {
        try await SafetyDirectory.with { directory in
            let numbers = try directory.write("numbers.txt", "+919876543210\n")
            let bench = try await DialerProcess.run(["numbers", "--bench", numbers], in: directory.url)
            #expect(bench.status == 64, "\(bench.allOutput)")
            #expect(bench.standardError.contains("Unknown option '--bench'"), "\(bench.allOutput)")
            let triggers = try await DialerProcess.run(
                ["bench-triggers", "--base-url", "http://127.0.0.1:9"], in: directory.url
            )
            #expect(triggers.status == 64, "\(triggers.allOutput)")
        }
    }
}
