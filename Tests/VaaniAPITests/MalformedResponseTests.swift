import Foundation
import Testing
import VaaniAPI

@Suite("Malformed responses")
struct MalformedResponseTests {
    private func withClient(_ body: (VaaniClient) async throws -> Void) async throws {
        try await withClient { client, _ in try await body(client) }
    }

    private func withClient(_ body: (VaaniClient, RequestCounter) async throws -> Void) async throws {
        try await MisbehavingServer.with { baseURL, healthRequests in
            let configuration = VaaniConfiguration(
                apiKey: "vaani_0123456789abcdef0123456789abcdef",
                baseURL: baseURL,
                retryPolicy: RetryPolicy(maxAttempts: 2, initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(2))
            )
            try await VaaniClient.withClient(configuration) { client in try await body(client, healthRequests) }
        }
    }

    @Test("An HTML error page is a server error with the page's text as its message, after the read's retry")
    func htmlErrorPage() async throws {
        try await withClient { client, healthRequests in
            let error = await #expect(throws: VaaniError.self) { try await client.health() }
            #expect(error?.kind == .server)
            #expect(error?.statusCode == 502)
            #expect(error?.message.contains("502 Bad Gateway") == true)
            #expect(error?.message.contains("<h1>") == false)
            #expect(healthRequests.value == 2)
        }
    }

    @Test("Truncated JSON is an unexpected error naming the operation")
    func truncatedJSON() async throws {
        try await withClient { client in
            let error = await #expect(throws: VaaniError.self) { try await client.calls.details(callID: "c1") }
            #expect(error?.kind == .unexpected)
            #expect(error?.operation == "getCallDetails")
            #expect(error?.statusCode == 200)
            #expect(error?.message.contains("getCallDetails") == true)
        }
    }

    @Test("A wrong type is an unexpected error naming where it is")
    func wrongType() async throws {
        try await withClient { client in
            let error = await #expect(throws: VaaniError.self) { try await client.calls.history() }
            #expect(error?.kind == .unexpected)
            #expect(error?.operation == "getCallHistory")
            #expect(error?.message.contains("call_id") == true)
        }
    }

    @Test("A success with an HTML body is an unexpected error, not a crash")
    func htmlSuccess() async throws {
        try await withClient { client in
            let error = await #expect(throws: VaaniError.self) { try await client.calls.transcript(callID: "c1") }
            #expect(error?.kind == .unexpected)
            #expect(error?.operation == "getTranscript")
            #expect(error?.message.contains("text/html") == true)
        }
    }

    @Test("An undocumented status is unexpected, with the server's message")
    func undocumentedStatus() async throws {
        try await withClient { client in
            let error = await #expect(throws: VaaniError.self) { try await client.agents.list() }
            #expect(error?.kind == .unexpected)
            #expect(error?.statusCode == 418)
            #expect(error?.message == "I'm a teapot")
        }
    }

    @Test("An error body that stops arriving keeps its status and says how much came and why it stopped")
    func errorBodyBreaksOff() async throws {
        try await MisbehavingServer.with { baseURL, _ in
            let configuration = VaaniConfiguration(
                apiKey: "vaani_0123456789abcdef0123456789abcdef", baseURL: baseURL, retryPolicy: .never
            )
            try await VaaniClient.withClient(configuration) { client in
                let error = await #expect(throws: VaaniError.self) { try await client.calls.details(callID: "stalls") }
                #expect(error?.kind == .server)
                #expect(error?.statusCode == 503)
                #expect(error?.message.hasPrefix("Upstream (the answer's body broke off after 9 bytes: ") == true, "\(String(describing: error))")
            }
        }
    }

    @Test("A server that echoes the refused key gets it redacted from the error")
    func echoedKeyRedacted() async throws {
        try await withClient { client in
            let error = await #expect(throws: VaaniError.self) { try await client.agents.get("a1") }
            #expect(error?.kind == .authentication)
            #expect(error?.message == "Invalid API key 'vaani_…cdef' for agent lookup")
            #expect(error.map { "\($0)" }?.contains("0123456789abcdef0123456789abcdef") == false)
        }
    }

    @Test("Unknown fields are kept under extra")
    func unknownFieldsKept() async throws {
        try await withClient { client in
            let status = try await client.sessions.status(token: "t1")
            #expect(status.state == .active)
            #expect(status.extra["brand_new_field"]?["nested"] == [1, 2.5, nil])
        }
    }
}
