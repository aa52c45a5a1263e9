import ArgumentParser
import Foundation

/// `vaani-dialer-bench numbers FILE`: E.164 validations per second on one core over the numbers in
/// FILE, one per line; `scripts/bench-phone.sh` runs it over every libphonenumber region.
struct NumbersBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numbers",
        abstract: "Measure E.164 validations per second on one core over the numbers in a file, one per line."
    )

    /// A file that could not be read, with the path.
    struct InputError: Error, CustomStringConvertible {
        /// What failed, e.g. "cannot read numbers.txt".
        let description: String
    }

    @Argument(help: "A file with one number per line.")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(description: "cannot read \(file)")
        }
        let numbers = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        print(NumbersBenchmark.run(numbers: numbers))
    }
}
