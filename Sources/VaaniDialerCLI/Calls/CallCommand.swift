import ArgumentParser
import CampaignEngine
import CampaignStore
import ContactImport
import Foundation
import PhoneNumbers
import VaaniAPI

/// `vaani-dialer call NUMBER --agent ID`: one test call, followed live to its end.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Place one test call and follow it live to its outcome, then print its summary and transcript.",
        discussion: """
            The number is validated and checked against the do-not-call list exactly as an import does \
            (the list in --db, and --dnc FILE). Prints the call id, each status as the call moves \
            (queued, ringing, in progress, outcome), then the summary, disposition, entities, cost and \
            transcript. Numbers are masked in the output unless --full-numbers. Exit codes: 0 the call \
            ended (whatever its outcome) or was placed with --no-follow, 1 refused (do-not-call, DND \
            registry, API error) or still going at --call-timeout, 3 insufficient balance (402), 4 API key \
            refused (401), 64 bad arguments or an invalid number.
            """
    )

    @Argument(help: "The number to call, E.164 or national with --region.")
    var number: String

    @Option(help: "The Vaani agent (id or name) that makes the call.")
    var agent: String

    @Option(help: "The contact's name, as the agent will use it.")
    var name = "Test"

    @Option(
        name: .customLong("var"),
        help: ArgumentHelp("A template variable for the agent's prompt, as KEY=VALUE (repeatable).", valueName: "key=value")
    )
    var variables: [String] = []

    @Option(help: "Region (ISO 3166 code, e.g. IN) for a number written without a country code.")
    var region: String?

    @Option(help: "A file of numbers never to call (one per line), checked as well as the list in the database.")
    var dnc: String?

    @Flag(help: "Return after placing the call instead of following it.")
    var noFollow = false

    @Option(help: "How often the call is looked up while it is followed, e.g. 2s.")
    var pollInterval = "2s"

    @Option(help: "How long the call is followed before giving up, e.g. 30m.")
    var callTimeout = "2h"

    @Option(help: "Caller ID to present (E.164).")
    var outboundNumber: String?

    @Flag(help: "Ask the API to simulate the call without placing it.")
    var testMode = false

    @Flag(help: "Show the whole phone number in the output.")
    var fullNumbers = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var api: APIOptions

    func validate() throws {
        if agent.isEmpty { throw ValidationError("--agent must not be empty") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--name must not be empty") }
        if let region, !PhoneNumberParser().isSupportedRegion(region) {
            throw ValidationError("--region: unknown region '\(region)' (expected an ISO 3166 code such as IN or US)")
        }
        _ = try metadata()
        _ = try durations()
    }

    /// The `--var` values as the trigger's metadata.
    func metadata() throws -> JSONObject {
        var metadata: JSONObject = [:]
        for item in variables {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--var \(item): expected KEY=VALUE, e.g. --var due_amount=1200")
            }
            metadata[parts[0]] = .string(parts[1])
        }
        return metadata
    }

    /// `--poll-interval` and `--call-timeout`.
    func durations() throws -> (poll: Duration, timeout: Duration) {
        guard let poll = Duration.parse(pollInterval), poll > .zero else {
            throw ValidationError("--poll-interval \(pollInterval): not a duration like 500ms, 2s or 1m")
        }
        guard let timeout = Duration.parse(callTimeout), timeout > .zero else {
            throw ValidationError("--call-timeout \(callTimeout): not a duration like 30m or 2h")
        }
        return (poll, timeout)
    }

    /// The number in E.164 once it passed validation and the do-not-call lists, or the exit.
    func screenedNumber() async throws -> String {
        let store = FileManager.default.fileExists(atPath: database.resolvedPath) ? try database.openExistingForReading() : nil
        let verdict: NumberScreen.Verdict
        do {
            verdict = try await NumberScreen(store: store, doNotCallFile: dnc).check(number, defaultRegion: region)
        } catch let error as ContactImportError {
            throw ValidationError(error.description)
        } catch let error as CSVError {
            throw ValidationError("--dnc: \(error)")
        }
        switch verdict {
        case .callable(let parsed):
            return parsed.e164
        case .invalid(let reason):
            throw ValidationError("\(number): not a valid phone number: \(reason)")
        case .doNotCall(let e164, let reason):
            api.printError("\(CallRecord.shown(e164, fullNumbers: fullNumbers)) is \(reason); not called")
            throw ExitCode.failure
        }
    }

    func run() async throws {
        let e164 = try await screenedNumber()
        let (poll, timeout) = try durations()
        let request = TriggerCallRequest(
            agentID: agent, contactNumber: e164, name: name, metadata: try metadata(), outboundNumber: outboundNumber,
            testMode: testMode ? true : nil
        )
        let shownNumber = CallRecord.shown(e164, fullNumbers: fullNumbers)
        // The client retries a trigger only when nothing was placed; the key makes a repeat harmless anyway.
        try await api.withClient { client in
            let result = try await client.calls.trigger(request, idempotencyKey: UUID().uuidString.lowercased())
            guard let callID = result.callID else {
                let message = result.message.map { fullNumbers ? $0 : PhoneNumberMask().mask($0) }
                print("No call was placed to \(shownNumber): \(message ?? "the API returned no call id")")
                return
            }
            print("Calling \(shownNumber) with agent \(result.agentName ?? agent): call \(callID)")
            if noFollow {
                print("Follow it with: vaani-dialer calls show \(callID)")
                return
            }
            let follower = CallFollower(pollInterval: poll, timeout: timeout, clock: ContinuousClock())
            let outcome = try await follower.follow(callID: callID, details: { try await client.calls.details(callID: $0) }) {
                print("  \(CallRecord.statusWords($0))")
            }
            switch outcome {
            case .ended(let record):
                print("")
                print(record.detailsText(fullNumbers: fullNumbers))
            case .timedOut(let record):
                let status = record?.status.map(CallRecord.statusWords) ?? "not listed"
                api.printError("call \(callID) is still \(status) after \(callTimeout); follow it with: vaani-dialer calls show \(callID)")
                throw ExitCode.failure
            }
        }
    }
}
