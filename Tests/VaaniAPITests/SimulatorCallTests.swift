import SimulatorHarness
import Foundation
import Testing
import VaaniAPI
import VaaniSimulator

/// A configuration for the simulator, with fast retries so tests need not wait.
func clientConfiguration(
    _ simulator: RunningSimulator,
    apiKey: String? = nil,
    timeout: Duration = .seconds(10),
    retryPolicy: RetryPolicy = RetryPolicy(initialBackoff: .milliseconds(10), maxBackoff: .milliseconds(50))
) -> VaaniConfiguration {
    VaaniConfiguration(
        apiKey: apiKey ?? simulator.apiKey,
        baseURL: simulator.baseURL,
        timeout: timeout,
        retryPolicy: retryPolicy,
        maxConnections: 16
    )
}

/// A simulator whose calls are all answered, and last well under a second of wall time.
let answeringSimulator = SimulatorConfiguration(
    speed: 600, answerRate: 1, noAnswerRate: 0, busyRate: 0, failRate: 0, voicemailRate: 0
)

/// Polls a call's details until it is over.
func finishedCall(_ client: VaaniClient, _ callID: String) async throws -> CallRecord {
    for _ in 0..<500 {
        let record = try await client.calls.details(callID: callID)
        if record.status?.isFinal == true { return record }
        try await Task.sleep(for: .milliseconds(20))
    }
    throw VaaniError(kind: .unexpected, message: "call \(callID) did not finish")
}

@Suite("Calls against the simulator")
struct SimulatorCallTests {
    @Test("Health answers healthy")
    func health() async throws {
        try await withSimulator { simulator in
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                let health = try await client.health()
                #expect(health.isHealthy)
                #expect(health.service != nil)
            }
        }
    }

    @Test("A telephony trigger places one call, with every documented field, and the idempotency key")
    func triggerTelephony() async throws {
        try await withSimulator(answeringSimulator) { simulator in
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                var call = TriggerCallRequest(
                    agentID: SimulatorConfiguration.demoAgentName,
                    contactNumber: "+919876543210",
                    name: "Asha Verma",
                    voice: "meera",
                    metadata: ["due_amount": 1200, "language": "hi"],
                    outboundNumber: "+918000000001",
                    sipTrunkID: "trunk-1",
                    testMode: false,
                    dndCheckSkipped: false,
                    modifyAgent: AgentOverrides(persona: ["tone": "warm"])
                )
                call.voice = "meera"
                let first = try await client.calls.trigger(call, idempotencyKey: "attempt-1")
                let callID = try #require(first.callID)
                #expect(first.success == true)
                let repeated = try await client.calls.trigger(call, idempotencyKey: "attempt-1")
                #expect(repeated.callID == callID)

                let ledger = try await simulator.ledger()
                #expect(ledger.count == 1)
                #expect(ledger.first?.callID == callID)
                #expect(ledger.first?.contactNumber == "+919876543210")
                #expect(ledger.first?.idempotencyKey == "attempt-1")
                let stats = try await simulator.stats()
                #expect(stats.callsPlaced == 1)
                #expect(stats.idempotentReplays == 1)
            }
        }
    }

    @Test("Two hundred concurrent triggers share the connection pool and place one call each")
    func concurrentTriggers() async throws {
        try await withSimulator(SimulatorConfiguration(latency: .milliseconds(5))) { simulator in
            // A generous timeout: two hundred requests queue for sixteen connections on a possibly loaded machine.
            try await VaaniClient.withClient(clientConfiguration(simulator, timeout: .seconds(120))) { client in
                let callIDs = try await withThrowingTaskGroup(of: String?.self) { group in
                    for index in 0..<200 {
                        group.addTask {
                            let call = TriggerCallRequest(
                                agentID: SimulatorConfiguration.demoAgentName,
                                contactNumber: "+9198765\(String(format: "%05d", index))",
                                name: "Contact \(index)"
                            )
                            return try await client.calls.trigger(call, idempotencyKey: "attempt-\(index)").callID
                        }
                    }
                    var ids: [String] = []
                    for try await id in group { if let id { ids.append(id) } }
                    return ids
                }
                #expect(Set(callIDs).count == 200)
                let placed = try await simulator.ledger()
                #expect(placed.count == 200)
                #expect(Set(placed.compactMap(\.idempotencyKey)).count == 200)
            }
        }
    }

    @Test("A WebRTC trigger answers LiveKit connection details")
    func triggerWebRTC() async throws {
        try await withSimulator { simulator in
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                let result = try await client.calls.trigger(
                    .webRTC(
                        agentID: SimulatorConfiguration.demoAgentID,
                        voiceGender: .female,
                        primaryLanguage: "en",
                        secondaryLanguage: "hi",
                        welcomeMessage: "Hello!",
                        welcomeInterruptible: true,
                        backgroundNoiseEnabled: true,
                        backgroundNoiseVolume: 20,
                        voiceSpeed: 1.1
                    )
                )
                let connection = try #require(result.webRTC)
                #expect(!connection.token.isEmpty)
                let placed = try await simulator.ledger()
                #expect(placed.isEmpty)
            }
        }
    }

    @Test("History, details, transcript and audio of completed calls")
    func afterTheCall() async throws {
        try await withSimulator(answeringSimulator) { simulator in
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                var callIDs: [String] = []
                for index in 0..<5 {
                    let result = try await client.calls.trigger(
                        TriggerCallRequest(
                            agentID: SimulatorConfiguration.demoAgentName,
                            contactNumber: "+91987654321\(index)",
                            name: "Contact \(index)",
                            metadata: ["index": .int(index)]
                        )
                    )
                    callIDs.append(try #require(result.callID))
                }
                let record = try await finishedCall(client, callIDs[0])
                #expect(record.callID == callIDs[0])
                #expect(record.status == .completed)
                #expect(record.contactNumber == "+919876543210")
                #expect(record.metadata?["index"] == .int(0))
                #expect((record.durationMilliseconds ?? 0) > 0)
                #expect(record.createdDate != nil)

                let transcript = try await client.calls.transcript(callID: callIDs[0])
                let transcriptText = transcript.transcript?.text ?? ""
                #expect(!transcriptText.isEmpty)

                let page = try await client.calls.history(page: 1, pageSize: 2)
                #expect(page.records.count == 2)
                #expect(page.total == 5)
                #expect(page.hasMore)
                var seen: [String] = []
                for try await record in client.calls.allHistory(pageSize: 2) { seen.append(record.callID) }
                #expect(Set(seen) == Set(callIDs))
                #expect(seen.count == 5)

                var streamed = 0
                let audio = try await client.calls.audio(callID: callIDs[0])
                for try await chunk in audio { streamed += chunk.count }
                #expect(streamed > 44)
                if let length = audio.contentLength { #expect(Int(length) == streamed) }

                let file = FileManager.default.temporaryDirectory.appending(path: "vaani-audio-\(UUID().uuidString).wav")
                defer { try? FileManager.default.removeItem(at: file) }
                let written = try await client.calls.downloadAudio(callID: callIDs[0], to: file)
                #expect(Int(written) == streamed)
                let header = try Data(contentsOf: file).prefix(4)
                #expect(header == Data("RIFF".utf8))
            }
        }
    }
}
