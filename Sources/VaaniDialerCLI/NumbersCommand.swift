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

    func validate() throws {
        if let region, !PhoneNumberParser().isSupportedRegion(region) {
            throw ValidationError("--region: unknown region '\(region)' (expected an ISO 3166 code such as IN or US)")
        }
    }

    func run() throws {
        var output = OutputBuffer()
        defer { output.flush() }
        try check { output.write($0) }
    }

    /// Checks every input line, passing each output line (with its newline) to `emit`.
    /// - Throws: ``LineReader/Failure`` when the input cannot be opened or read.
    func check(_ emit: (String) -> Void) throws {
        let reader = try LineReader(path: file, maximumLineLength: Self.maximumLineLength)
        let parser = PhoneNumberParser()
        try reader.forEachLine { line in
            switch parser.parse(line, defaultRegion: region) {
            case .success(let number):
                emit("\(line)\t\(number.e164)\tok\n")
            case .failure(let error):
                emit("\(line)\t\t\(error.description)\n")
            }
        }
    }

    /// Bytes of a line kept and echoed; a number is at most 250 characters, so anything longer is
    /// rejected either way and need not be copied in full.
    static let maximumLineLength = 4096
}
