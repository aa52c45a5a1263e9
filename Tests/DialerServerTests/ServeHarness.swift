import AsyncHTTPClient
import CampaignEngine
import CampaignStore
@testable import DialerServer
import Foundation
import SQLiteStore
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import SimulatorHarness
import VaaniAPI

/// A whole `serve` (runners, API, dashboard, metrics) on a free loopback port, dialing the simulator,
/// driven over real sockets.
struct ServeHarness: Sendable {
    let port: Int
    let token: AccessToken
    let server: DialerServer
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Runs a server over `store` against `simulator` while `body` runs, then shuts it down gracefully.
    static func run<R: Sendable>(
        _ store: TestStore,
        _ simulator: RunningSimulator,
        _ body: (ServeHarness) async throws -> R
    ) async throws -> R {
        let token = RouteTesting.token
        var logger = Logger(label: "vaani.serve.test")
        logger.logLevel = .warning
        // No client-side retries: every answer reaches the engine and the metrics, as the simulator counts them.
        let client = VaaniConfiguration(
            apiKey: simulator.apiKey, baseURL: simulator.baseURL, timeout: .seconds(5),
            retryPolicy: RetryPolicy(maxAttempts: 1))
        return try await VaaniClient.withClient(client) { client in
            let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
            let server = DialerServer(
                store: store.database,
                calls: VaaniCallService(client: client),
                apiKeyFingerprint: APIKeyFingerprint.of(simulator.apiKey),
                configuration: DialerServerConfiguration(
                    port: 0, token: token, pollInterval: .milliseconds(200), eventInterval: .milliseconds(200),
                    runSettings: SettingsOverrides(pollInterval: .milliseconds(100))),
                logger: logger,
                onListening: { port in
                    portContinuation.yield(port)
                    portContinuation.finish()
                })
            let group = ServiceGroup(configuration: .init(services: [server], logger: logger))
            return try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    defer { portContinuation.finish() }
                    try await group.run()
                }
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next() else {
                    try await tasks.waitForAll()
                    throw HarnessError("the server stopped before it listened")
                }
                let harness = ServeHarness(port: port, token: token, server: server)
                let outcome: Result<R, any Error>
                do {
                    outcome = .success(try await body(harness))
                } catch {
                    outcome = .failure(error)
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return try outcome.get()
            }
        }
    }

    /// A request with the bearer token; returns the status and body.
    func request(_ method: HTTPMethod, _ path: String, body: String? = nil) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token.value)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        return (Int(response.status.code), String(buffer: bytes))
    }

    /// The campaign's view from the API.
    func view(_ name: String) async throws -> CampaignView {
        let (status, body) = try await request(.GET, "/api/v1/campaigns/\(name)")
        guard status == 200 else { throw HarnessError("GET \(name) answered \(status): \(body)") }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(CampaignStatusResponse.self, from: Data(body.utf8)).campaign
    }

    /// Waits until `condition` holds for the campaign's view, looking every 100 ms, for up to `timeout`.
    @discardableResult
    func waitFor(
        _ name: String, timeout: Duration = .seconds(60), _ condition: (CampaignView) -> Bool
    ) async throws -> CampaignView {
        let deadline = ContinuousClock.now + timeout
        while true {
            let view = try await view(name)
            if condition(view) { return view }
            guard ContinuousClock.now < deadline else {
                throw HarnessError("timed out waiting on \(name): \(view.state), \(view.phase), \(view.done)/\(view.total)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Reads the campaign's event stream until `enough` says so (or `timeout`), returning every view received.
    func events(
        _ name: String, timeout: Duration = .seconds(60), until enough: @escaping @Sendable ([CampaignView]) -> Bool
    ) async throws -> [CampaignView] {
        var request = HTTPClientRequest(url: baseURL + "/api/v1/campaigns/\(name)/events")
        request.headers.add(name: "Authorization", value: "Bearer \(token.value)")
        request.headers.add(name: "Accept", value: "text/event-stream")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(timeout.components.seconds))
        guard response.status == .ok, response.headers["Content-Type"].first?.hasPrefix("text/event-stream") == true else {
            throw HarnessError("events answered \(response.status)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var views: [CampaignView] = []
        var pending = ""
        for try await chunk in response.body {
            pending += String(buffer: chunk)
            while let end = pending.range(of: "\n\n") {
                let event = pending[..<end.lowerBound]
                pending.removeSubrange(..<end.upperBound)
                guard event.contains("event: campaign"),
                    let data = event.split(separator: "\n").first(where: { $0.hasPrefix("data: ") })
                else { continue }
                views.append(try decoder.decode(CampaignView.self, from: Data(data.dropFirst(6).utf8)))
                if enough(views) { return views }
            }
        }
        return views
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
