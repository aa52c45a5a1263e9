import SimulatorHarness
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import Logging
import Testing
import VaaniSimulator
import WSClient

@Suite("WebRTC sessions and their event socket over HTTP")
struct SessionTests {
    @Test func aSessionGoesFromCreatedToEndedAndThenAnswers410() async throws {
        try await withSimulator(.init(speed: 20)) { simulator async throws in
            let created = try await simulator.send(
                .POST, "/api/webrtc/session/create",
                json: ["agent_id": SimulatorConfiguration.demoAgentID, "ui_type": "widget", "metadata": ["page": "pricing"]]
            )
            #expect(created.status == 200)
            let token = try #require(created.object["session_token"] as? String)
            #expect(created.object["expires_at"] is String)
            #expect(created.object["session_url"] is String)

            let status = try await simulator.send(.GET, "/api/webrtc/session/status/\(token)").object
            #expect(status["status"] as? String == "created")
            #expect(status["ui_type"] as? String == "widget")
            #expect((status["metadata"] as? [String: Any])?["page"] as? String == "pricing")

            let events = try await Self.collectEvents(simulator, token: token) {
                let connection = try await simulator.send(.POST, "/api/webrtc/session/connect", json: ["session_token": token])
                #expect(connection.status == 200)
                #expect(connection.object["lk_url"] is String)
                #expect(connection.object["lk_token"] is String)
                #expect(connection.object["room_name"] is String)
                // The agent joins a moment after connect; wait for it (a loaded machine may take a while)
                // rather than for a fixed time, then end the session.
                var joined = false
                for _ in 0..<600 where !joined {
                    let status = try await simulator.send(.GET, "/api/webrtc/session/status/\(token)").object
                    joined = ["agent_ready", "active"].contains(status["status"] as? String)
                    if !joined { try await Task.sleep(for: .milliseconds(50)) }
                }
                #expect(joined)
                let ended = try await simulator.send(
                    .POST, "/api/webrtc/session/disconnect", json: ["session_token": token, "explicit_end": true]
                )
                #expect(ended.object["status"] as? String == "ended")
            }
            #expect(events.map { $0["event"] as? String } == ["agent_ready", "session_ended"])
            #expect(events.last?["reason"] as? String == "explicit_end")

            #expect(try await simulator.send(.GET, "/api/webrtc/session/status/\(token)").status == 410)
            #expect(try await simulator.send(.POST, "/api/webrtc/session/connect", json: ["session_token": token]).status == 410)
            #expect(try await simulator.send(.GET, "/api/webrtc/session/status/sess_unknown").status == 404)
        }
    }

    @Test func anAgentThatNeverJoinsIsReportedAsATimeout() async throws {
        try await withSimulator(.init(speed: 100)) { simulator async throws in
            let created = try await simulator.send(
                .POST, "/api/webrtc/session/create",
                json: ["agent_id": SimulatorConfiguration.demoAgentID, "metadata": ["simulate": "agent_timeout"]]
            )
            let token = try #require(created.object["session_token"] as? String)
            let events = try await Self.collectEvents(simulator, token: token) {
                _ = try await simulator.send(.POST, "/api/webrtc/session/connect", json: ["session_token": token])
                try await Task.sleep(for: .milliseconds(600))  // 30 s nominal at speed 100 is 300 ms
                let status = try await simulator.send(.GET, "/api/webrtc/session/status/\(token)").object
                #expect(status["status"] as? String == "created")
                _ = try await simulator.send(
                    .POST, "/api/webrtc/session/disconnect", json: ["session_token": token, "explicit_end": true]
                )
            }
            #expect(events.map { $0["event"] as? String } == ["agent_timeout", "session_ended"])
        }
    }

    @Test func aNonFinalDisconnectStartsTheGracePeriod() async throws {
        try await withSimulator(.init(speed: 100)) { simulator async throws in
            let created = try await simulator.send(
                .POST, "/api/webrtc/session/create", json: ["agent_id": SimulatorConfiguration.demoAgentName, "grace_period": 10]
            )
            let token = try #require(created.object["session_token"] as? String)
            _ = try await simulator.send(.POST, "/api/webrtc/session/connect", json: ["session_token": token])
            let away = try await simulator.send(.POST, "/api/webrtc/session/disconnect", json: ["session_token": token, "explicit_end": false])
            #expect(away.object["status"] as? String == "reconnecting")
            #expect(away.object["grace_period_ends_at"] is String)
            try await Task.sleep(for: .milliseconds(150))  // 10 s of grace at speed 100 is 100 ms
            #expect(try await simulator.send(.GET, "/api/webrtc/session/status/\(token)").status == 410)
        }
    }

    @Test func invalidSessionRequestsGet422() async throws {
        try await withSimulator { simulator async throws in
            let bad = try await simulator.send(
                .POST, "/api/webrtc/session/create", json: ["agent_id": SimulatorConfiguration.demoAgentID, "session_ttl": 5]
            )
            #expect(bad.status == 422)
            #expect(bad.text.contains("session_ttl"))
            #expect(try await simulator.send(.POST, "/api/webrtc/session/create", json: ["agent_id": "ghost"]).status == 422)
            #expect(try await simulator.send(.POST, "/api/webrtc/session/connect", json: ["session_token": "nope"]).status == 404)
        }
    }

    /// Opens the event socket, runs `actions`, and returns every event received until the server closed it.
    static func collectEvents(
        _ simulator: RunningSimulator, token: String, actions: @escaping @Sendable () async throws -> Void
    ) async throws -> [[String: Any]] {
        let url = "ws://127.0.0.1:\(simulator.port)/api/webrtc/session/ws/\(token)"
        let received = EventLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await WebSocketClient.connect(url: url, logger: Logger(label: "test.ws")) { inbound, _, _ in
                    for try await message in inbound.messages(maxSize: 1 << 16) {
                        if case .text(let text) = message { received.append(text) }
                    }
                }
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(100))
                try await actions()
            }
            try await group.waitForAll()
        }
        return received.events.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}

final class EventLog: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ text: String) { storage.withLock { $0.append(text) } }
    var events: [String] { storage.withLock { $0 } }
}
