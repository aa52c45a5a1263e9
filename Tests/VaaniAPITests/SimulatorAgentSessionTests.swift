import SimulatorHarness
import Foundation
import Testing
import VaaniAPI
import VaaniSimulator

@Suite("Agents and sessions against the simulator")
struct SimulatorAgentSessionTests {
    @Test("Agents: create, list with search and paging, get, update a section, delete")
    func agents() async throws {
        try await withSimulator { simulator in
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                let created = try await client.agents.create(
                    displayName: "Collections Bot",
                    config: ["persona": ["voice": "meera", "tone": "warm"]]
                )
                let agentID = try #require(created.agentID)

                let all = try await client.agents.list()
                #expect(all.contains { $0.id == agentID })
                let searched = try await client.agents.list(search: "Collections", page: 1, pageSize: 10)
                #expect(searched.map(\.id) == [agentID])

                let agent = try await client.agents.get(agentID)
                #expect(agent.id == agentID)
                #expect(agent.displayName == "Collections Bot")

                let updated = try await client.agents.update(agentID, section: .persona, patch: ["tone": "formal"])
                #expect(updated.agentID == agentID)
                #expect(updated.sections["persona"]?["tone"] == "formal")
                #expect(updated.sections["persona"]?["voice"] == "meera")

                let deletion = try await client.agents.delete(agentID)

                #expect(deletion != nil)
                let error = await #expect(throws: VaaniError.self) { try await client.agents.get(agentID) }
                #expect(error?.kind == .notFound)
            }
        }
    }

    @Test("Sessions: create, connect, events until the explicit end, then 410")
    func sessions() async throws {
        try await withSimulator(SimulatorConfiguration(speed: 20)) { simulator in
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                let session = try await client.sessions.create(
                    agentID: SimulatorConfiguration.demoAgentID,
                    uiType: .widget,
                    metadata: ["page": "checkout"],
                    gracePeriodSeconds: 30,
                    sessionTTLSeconds: 600,
                    initialMessage: "Hi!"
                )
                #expect(!session.token.isEmpty)
                #expect(client.sessions.eventsURL(token: session.token).scheme == "ws")
                let status = try await client.sessions.status(token: session.token)
                #expect(status.state == .created)

                let connection = try await client.sessions.connect(token: session.token)
                #expect(connection.liveKitToken?.isEmpty == false)

                var events: [SessionEvent] = []
                for try await event in client.sessions.events(token: session.token) {
                    events.append(event)
                    if event == .agentReady {
                        let ended = try await client.sessions.disconnect(token: session.token, explicitEnd: true)
                        #expect(ended.state == .ended)
                    }
                }
                #expect(events.first == .agentReady)
                guard case .sessionEnded(let reason)? = events.last else {
                    Issue.record("the events did not end with sessionEnded: \(events)")
                    return
                }
                #expect(reason == "explicit_end")

                let expired = await #expect(throws: VaaniError.self) { try await client.sessions.status(token: session.token) }
                #expect(expired?.kind == .sessionExpired)
                #expect(expired?.statusCode == 410)

                let refused = await #expect(throws: VaaniError.self) {
                    for try await _ in client.sessions.events(token: session.token) {}
                }
                #expect(refused?.kind == .sessionExpired)
                #expect(refused?.operation == "sessionEvents")
            }
        }
    }

    @Test("Leaving the event loop early closes the socket; a new iteration opens a new one")
    func eventsStopEarly() async throws {
        try await withSimulator(SimulatorConfiguration(speed: 20)) { simulator in
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                let session = try await client.sessions.create(agentID: SimulatorConfiguration.demoAgentID)
                _ = try await client.sessions.connect(token: session.token)
                let events = client.sessions.events(token: session.token)
                for round in 1...2 {
                    var first: SessionEvent?
                    for try await event in events {
                        first = event
                        break
                    }
                    #expect(first == .agentReady, "round \(round)")
                }
                let status = try await client.sessions.status(token: session.token)
                #expect(status.state != .ended)
            }
        }
    }

    @Test("A disconnect without an explicit end starts the grace period")
    func gracePeriod() async throws {
        try await withSimulator { simulator in
            try await VaaniClient.withClient(clientConfiguration(simulator)) { client in
                let session = try await client.sessions.create(agentID: SimulatorConfiguration.demoAgentID, gracePeriodSeconds: 60)
                _ = try await client.sessions.connect(token: session.token)
                let status = try await client.sessions.disconnect(token: session.token, explicitEnd: false)
                #expect(status.state == .reconnecting)
                #expect(status.gracePeriodEndsAt != nil)
            }
        }
    }
}
