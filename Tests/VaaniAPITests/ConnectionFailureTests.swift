import Foundation
import NIOCore
import NIOPosix
import Testing
import VaaniAPI

@Suite("Connection failures")
struct ConnectionFailureTests {
    /// A port on 127.0.0.2 that nobody listens on. The simulators of concurrently running tests bind
    /// 127.0.0.1, so a port the OS hands out again cannot turn this refusal into a live server.
    private func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.2", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }

    @Test("A refused connection is a connection error that sent nothing, for reads and for triggers")
    func refused() async throws {
        let port = try await closedPort()
        let configuration = VaaniConfiguration(
            apiKey: "vaani_0123456789abcdef0123456789abcdef",
            baseURL: URL(string: "http://127.0.0.2:\(port)")!,
            connectTimeout: .seconds(120),
            retryPolicy: .never
        )
        try await VaaniClient.withClient(configuration) { client in
            let started = ContinuousClock.now
            let readError = await #expect(throws: VaaniError.self) { try await client.health() }
            #expect(readError?.kind == .connection)
            #expect(readError?.requestMayHaveBeenSent == false)
            #expect(readError?.statusCode == nil)
            #expect(readError?.operation == "health")

            let triggerError = await #expect(throws: VaaniError.self) {
                try await client.calls.trigger(
                    TriggerCallRequest(agentID: "demo-agent", contactNumber: "+919876543210", name: "Asha")
                )
            }
            #expect(triggerError?.kind == .connection)
            #expect(triggerError?.isOutcomeUnknown == false)
            // Refused at once rather than waited out: far below the 120 s connect timeout, even on a
            // loaded (or sanitized) machine.
            #expect(ContinuousClock.now - started < .seconds(60))
            #expect(triggerError.map { !$0.description.contains(configuration.apiKey) } ?? false)
        }
    }

    @Test("Unsent requests are retried as the policy says, then fail with the connection error")
    func refusedWithRetries() async throws {
        let port = try await closedPort()
        let configuration = VaaniConfiguration(
            apiKey: "vaani_0123456789abcdef0123456789abcdef",
            baseURL: URL(string: "http://127.0.0.2:\(port)")!,
            retryPolicy: RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(5), maxBackoff: .milliseconds(10))
        )
        try await VaaniClient.withClient(configuration) { client in
            let error = await #expect(throws: VaaniError.self) { try await client.calls.history() }
            #expect(error?.kind == .connection)
            #expect(error?.requestMayHaveBeenSent == false)
        }
    }
}
