import ArgumentParser
import Foundation
import VaaniAPI

/// `vaani-dialer recording CALL_ID --output FILE`: one call's recording.
struct RecordingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recording",
        abstract: "Download one call's recording to a file.",
        discussion: """
            The recording streams to a temporary file beside FILE and replaces FILE only once it is \
            complete. Exit codes: 0 written, 1 missing or broken off, 4 API key refused.
            """
    )

    @Argument(help: "The call's id.")
    var callID: String

    @Option(help: ArgumentHelp("The file to write (replaced when it exists).", valueName: "file"))
    var output: String

    @OptionGroup var api: APIOptions

    func run() async throws {
        let destination = URL(fileURLWithPath: output)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("--output \(output) is a directory; name the file to write")
        }
        let file = RecordingFile(destination: destination)
        let bytes = try await api.withClient { client in
            let audio = try await client.calls.audio(callID: callID)
            do {
                return try await file.write(audio)
            } catch let failure as RecordingFailure {
                api.printError("\(output): \(failure)")
                throw ExitCode.failure
            }
        }
        print("Wrote \(output) (\(ByteCount.text(bytes))).")
    }
}
