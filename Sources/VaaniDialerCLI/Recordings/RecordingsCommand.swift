import ArgumentParser
import CampaignStore
import Foundation
import VaaniAPI

/// `vaani-dialer recordings NAME --output DIR`: every answered call's recording of a campaign.
struct RecordingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recordings",
        abstract: "Download the recording of every answered call of a campaign.",
        discussion: """
            Files are named DIR/<row>-<number masked>-<call id>.wav and created owner-only. Each streams to \
            disk under a temporary name and is renamed once its length matches what the API announced, so \
            a rerun skips complete files and replaces partial ones. A file that fails (full disk, missing \
            or broken recording) is reported and the others go on. Exit codes: 0 every recording is in DIR, \
            1 some did not arrive (run again to fetch them), 3 insufficient balance, 4 API key refused, \
            64 bad arguments or no such campaign.
            """
    )

    @Argument(help: "The campaign's name.")
    var name: String

    @Option(help: ArgumentHelp("The directory to write to (created if missing).", valueName: "dir"))
    var output: String

    @Option(help: "Downloads at once.")
    var concurrency = 4

    @Option(help: "The call status whose recordings to fetch (completed, voicemail, …).")
    var outcome = "completed"

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var api: APIOptions

    func validate() throws {
        if !(1...64).contains(concurrency) { throw ValidationError("--concurrency \(concurrency): must be between 1 and 64") }
        if outcome.isEmpty { throw ValidationError("--outcome must not be empty") }
    }

    func run() async throws {
        let store = try database.openExistingForReading()
        guard let campaign = try await store.campaign(named: name) else {
            throw ValidationError("No campaign named \"\(name)\" in \(database.resolvedPath).")
        }
        let calls = try await store.calls(ofCampaign: campaign.id, withStatus: outcome)
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw ValidationError("--output \(output): cannot create the directory: \(error.localizedDescription)")
        }
        if calls.isEmpty {
            print("Campaign \(name) has no \(outcome) calls: nothing to download.")
            return
        }
        let progress = RecordingsProgress(total: calls.count, isTerminal: isatty(STDOUT_FILENO) == 1)
        let summary = try await api.withClient { client in
            try await RecordingsDownload(directory: directory, concurrency: concurrency).run(
                calls, audio: { try await client.calls.audio(callID: $0) }, onBytes: { progress.received($0) }
            ) { _, file, result in
                let failure: String? = if case .failed(let reason) = result { reason } else { nil }
                progress.finished(file, failure: failure) { api.printError($0) }
            }
        }
        progress.finish()
        print(
            "Recordings of \(name) in \(output): \(summary.downloaded) downloaded (\(ByteCount.text(summary.bytes))), "
                + "\(summary.alreadyComplete) already complete, \(summary.failed) failed, of \(calls.count) \(outcome) calls."
        )
        if !summary.allArrived {
            print("Some recordings did not arrive; run the same command again to fetch them.")
            throw ExitCode.failure
        }
    }
}
