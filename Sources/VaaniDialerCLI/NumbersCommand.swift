import ArgumentParser
import PhoneNumbers

/// `vaani-dialer numbers`: a pre-flight check of a list of phone numbers.
struct NumbersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numbers",
        abstract: "Check phone numbers, one per line.",
        discussion: """
            Prints, for each input line, `input<TAB>e164<TAB>ok` for a valid number or \
            `input<TAB><TAB>reason` for an invalid one. Validation follows Google libphonenumber's \
            numbering plans. Reads standard input when FILE is - or absent; streams any size.
            """
    )

    @Argument(help: "A file with one number per line, or - for standard input.")
    var file: String = "-"

    @Option(help: "Region (ISO 3166 code, e.g. IN) for numbers written without a country code.")
    var region: String?

    @Flag(help: .hidden)
    var bench = false

    func validate() throws {
        if let region, case .failure(let error) = PhoneNumberParser().parse("+1", defaultRegion: region),
            error.reason == .unknownRegion
        {
            throw ValidationError("--region: \(error.description)")
        }
    }

    func run() throws {
        let reader = try LineReader(path: file)
        if bench {
            print(try NumbersBenchmark.run(lines: reader))
            return
        }
        let parser = PhoneNumberParser()
        var output = OutputBuffer()
        try reader.forEachLine { line in
            switch parser.parse(line, defaultRegion: region) {
            case .success(let number):
                output.write("\(line)\t\(number.e164)\tok\n")
            case .failure(let error):
                output.write("\(line)\t\t\(error.description)\n")
            }
        }
        output.flush()
    }
}
