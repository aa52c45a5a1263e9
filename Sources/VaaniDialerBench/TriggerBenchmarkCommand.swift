import APIAccess
import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import VaaniAPI

/// `vaani-dialer-bench triggers`: how many trigger requests per second a client alone gets
/// from an API — the ceiling of any engine built on that client. `scripts/bench-dispatch.sh` runs it
/// with both clients next to `wrk`: `--client http` is AsyncHTTPClient with a hand-written body, and
/// `--client typed` is ``VaaniClient`` (the generated OpenAPI client with its middlewares), which the
/// engine uses.
struct TriggerBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triggers",
        abstract: "Measure a client's trigger requests per second against an API."
    )

    /// Which client sends the requests.
    enum ClientKind: String, ExpressibleByArgument, CaseIterable {
        case typed, http
    }

    @Option(help: "The API's base URL: https, or http to this machine (e.g. a simulator), as vaani-dialer allows.")
    var baseURL: String

    @OptionGroup var access: APIAccessOptions

    @Option(help: "Trigger requests to send.")
    var calls = 20_000

    @Option(help: "Requests in flight at once.")
    var concurrency = 64

    @Option(help: "typed (VaaniClient) or http (AsyncHTTPClient alone).")
    var client: ClientKind = .typed

    @Option(help: "The first of the consecutive numbers called: +91 and 10 digits.")
    var firstNumber = 7_000_000_000

    func validate() throws {
        guard calls >= 1 else { throw ValidationError("--calls must be at least 1") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        guard (1_000_000_000...9_999_999_999).contains(firstNumber), firstNumber + calls <= 10_000_000_000 else {
            throw ValidationError("--first-number: the numbers must stay 10 digits, from 1000000000 to 9999999999")
        }
    }

    func run() async throws {
        // The same key sources and base-URL rules as `vaani-dialer run` (APIAccess): the key never goes
        // over plain http to another machine unless --allow-insecure says so.
        let environment = ProcessInfo.processInfo.environment
        let url = try access.baseURL(option: baseURL, environment: environment)
        let apiKey = try access.apiKey(environment: environment)
        let start = ContinuousClock.now
        let failures: [String: Int]
        switch client {
        case .typed: failures = try await typed(apiKey: apiKey, baseURL: url)
        case .http: failures = try await http(apiKey: apiKey, baseURL: url)
        }
        let elapsed = start.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let succeeded = calls - failures.values.reduce(0, +)
        print(
            "\(client.rawValue) client: \(succeeded) of \(calls) triggers answered in "
                + "\(String(format: "%.2f", seconds)) s at concurrency \(concurrency)"
        )
        for (reason, count) in failures.sorted(by: { $0.value > $1.value }) {
            print("  failed \(count)×: \(reason)")
        }
        print("trigger_rate=\(Int((Double(succeeded) / seconds).rounded()))")
        if !failures.isEmpty { throw ExitCode.failure }
    }

    /// The number of the `index`th call.
    private func number(_ index: Int) -> String { "+91\(firstNumber + index)" }

    /// Sends every request through `send` with ``concurrency`` in flight ("one in, one out"), and
    /// counts the failures by reason.
    private func sendAll(_ send: @escaping @Sendable (Int) async -> String?) async -> [String: Int] {
        await withTaskGroup(of: String?.self) { group in
            var failures: [String: Int] = [:]
            for index in 0..<calls {
                if index >= concurrency, case let failure?? = await group.next() { failures[failure, default: 0] += 1 }
                group.addTask { await send(index) }
            }
            for await case let failure? in group { failures[failure, default: 0] += 1 }
            return failures
        }
    }

    private func typed(apiKey: String, baseURL: URL) async throws -> [String: Int] {
        let configuration = VaaniConfiguration(
            apiKey: apiKey,
            baseURL: baseURL,
            retryPolicy: .never,
            maxConnections: concurrency
        )
        return try await VaaniClient.withClient(configuration) { client in
            await sendAll { index in
                do {
                    _ = try await client.calls.trigger(
                        TriggerCallRequest(agentID: "demo-agent", contactNumber: number(index), name: "Contact \(index)")
                    )
                    return nil
                } catch {
                    return String(describing: error)
                }
            }
        }
    }

    private func http(apiKey: String, baseURL: URL) async throws -> [String: Int] {
        var pool = HTTPClient.Configuration.ConnectionPool()
        pool.concurrentHTTP1ConnectionsPerHostSoftLimit = concurrency
        let text = baseURL.absoluteString
        let url = text.hasSuffix("/") ? text + "api/trigger-call/" : text + "/api/trigger-call/"
        return try await HTTPClient.withHTTPClient(configuration: HTTPClient.Configuration(connectionPool: pool)) { client in
            await sendAll { index in
                var request = HTTPClientRequest(url: url)
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                request.headers.add(name: "X-API-Key", value: apiKey)
                request.body = .bytes(
                    ByteBuffer(
                        string: #"{"agent_id":"demo-agent","contact_number":"\#(number(index))","name":"Contact \#(index)","metadata":{}}"#
                    )
                )
                do {
                    let response = try await client.execute(request, timeout: .seconds(60))
                    let body = try await response.body.collect(upTo: 1 << 20)
                    guard (200..<300).contains(response.status.code) else {
                        return "HTTP \(response.status.code): \(String(buffer: body).prefix(200))"
                    }
                    return nil
                } catch {
                    return String(describing: error)
                }
            }
        }
    }
}
