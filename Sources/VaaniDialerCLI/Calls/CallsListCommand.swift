import ArgumentParser
import Foundation
import VaaniAPI

/// `vaani-dialer calls list`: one page of the call history, or all of it.
struct CallsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List calls, newest first: id, status, duration, contact, created.",
        discussion: "Numbers are masked (+91******3210) unless --full-numbers."
    )

    @Option(help: "The page, 1-based.")
    var page = 1

    @Option(help: "Calls per page, 1-200.")
    var pageSize = 50

    @Flag(help: "Every call of the history, page after page.")
    var all = false

    @Flag(help: "Print JSON Lines (one call per line) instead of a table.")
    var json = false

    @Flag(help: "Show whole phone numbers.")
    var fullNumbers = false

    @OptionGroup var api: APIOptions

    func validate() throws {
        if page < 1 { throw ValidationError("--page \(page): pages start at 1") }
        if !(1...200).contains(pageSize) { throw ValidationError("--page-size \(pageSize): must be between 1 and 200") }
    }

    func run() async throws {
        try await api.withClient { client in
            var output = OutputBuffer()
            defer { output.flush() }
            if !json { output.write(CallsTable.header + "\n") }
            if all {
                for try await record in client.calls.allHistory(pageSize: pageSize) { try write(record, to: &output) }
            } else {
                let history = try await client.calls.history(page: page, pageSize: pageSize)
                for record in history.records { try write(record, to: &output) }
                if !json, let total = history.total {
                    output.write("page \(history.page ?? page) of \(history.totalPages ?? 1), \(total) calls\n")
                }
            }
        }
    }

    private func write(_ record: CallRecord, to output: inout OutputBuffer) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            output.write(String(decoding: try encoder.encode(record.json(fullNumbers: fullNumbers)), as: UTF8.self) + "\n")
        } else {
            output.write(CallsTable.row(record, fullNumbers: fullNumbers) + "\n")
        }
    }
}
