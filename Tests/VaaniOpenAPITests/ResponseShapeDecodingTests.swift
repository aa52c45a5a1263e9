import Foundation
import OpenAPIRuntime
import Testing
import VaaniOpenAPI

/// Decodes a sample of every response shape the contract documents into the generated types.
@Suite("Documented response shapes decode")
struct ResponseShapeDecodingTests {
    private func sample<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        let url = try #require(Bundle.module.url(forResource: "Samples/\(name)", withExtension: "json"))
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    @Test func telephonyTriggerCarriesCallIDInOutput() throws {
        let response = try sample("trigger-telephony", as: Components.Schemas.TriggerCallResponse.self)
        let telephony = try #require(response.value1)
        #expect(telephony.success == true)
        #expect(telephony.output?.callId == "c_8f14e45fceea167a")
        #expect(telephony.output?.agentName == "priya-sales")
        #expect(response.value2 == nil, "a telephony answer has no WebRTC token")
    }

    @Test func telephonyTriggerMayCarryCallIDAtTopLevel() throws {
        let response = try sample("trigger-telephony-top-level-id", as: Components.Schemas.TriggerCallResponse.self)
        let telephony = try #require(response.value1)
        #expect(telephony.callId == "c_top_level_1")
        #expect(telephony.output?.callId == nil)
        #expect(telephony.additionalProperties.value["queue_position"] as? Int == 3)
    }

    @Test func webRTCTriggerCarriesToken() throws {
        let response = try sample("trigger-webrtc", as: Components.Schemas.TriggerCallResponse.self)
        let webRTC = try #require(response.value2)
        #expect(webRTC.token == "eyJhbGciOiJIUzI1NiJ9.x.y")
        #expect(webRTC.roomName == "room-42")
        #expect(webRTC.connectionUrl == "wss://lk.vaanivoice.ai")
    }

    @Test func historyWithTotal() throws {
        let page = try sample("history-total", as: Components.Schemas.CallHistoryPage.self)
        #expect(page.data.map(\.callId) == ["c2", "c1"])
        #expect(page.data[0].callStatus == "completed")
        #expect(page.data[0].durationMs == 93000)
        #expect(page.data[0].metadata?.additionalProperties.value["attempt_id"] as? String == "a-2")
        #expect(page.pagination?.total == 2)
        #expect(page.pagination?.totalCount == nil)
    }

    @Test func historyWithTotalCount() throws {
        let page = try sample("history-total-count", as: Components.Schemas.CallHistoryPage.self)
        #expect(page.pagination?.totalCount == 7)
        #expect(page.pagination?.total == nil)
        #expect(page.data[0].additionalProperties.value["extra_field"] != nil)
    }

    @Test func transcriptAsText() throws {
        let response = try sample("transcript-text", as: Components.Schemas.TranscriptResponse.self)
        guard case .case1(let text) = response.transcript else {
            Issue.record("expected text, got \(String(describing: response.transcript))")
            return
        }
        #expect(text.hasPrefix("Agent: Namaste"))
    }

    @Test func transcriptAsUtterances() throws {
        let response = try sample("transcript-utterances", as: Components.Schemas.TranscriptResponse.self)
        guard case .case2(let utterances) = response.transcript else {
            Issue.record("expected utterances, got \(String(describing: response.transcript))")
            return
        }
        #expect(utterances.map(\.text) == ["Namaste Asha!", "Hello."])
        #expect(utterances[0].speaker == "agent")
        #expect(utterances[1].role == "user")
    }

    @Test func callDetails() throws {
        let details = try sample("call-details", as: Components.Schemas.CallRecord.self)
        #expect(details.summary == "Customer agreed to a demo.")
        #expect(details.callEvalTag == "interested")
        #expect(details.cost == 1.55)
        #expect((details.entity?.value as? [String: (any Sendable)?])?["slot"] as? String == "Friday")
        #expect(details.additionalProperties.value["recording_available"] as? Bool == true)
    }

    @Test(arguments: [("agents-array", 1), ("agents-data", 1), ("agents-items", 2)])
    func agentListInEveryShape(name: String, count: Int) throws {
        let list = try sample(name, as: Components.Schemas.AgentList.self)
        let agents: [Components.Schemas.Agent]
        switch list {
        case .case1(let array): agents = array
        case .WrappedAgentsData(let wrapped): agents = wrapped.data
        case .WrappedAgentsItems(let wrapped): agents = wrapped.items
        }
        #expect(agents.count == count)
        #expect(agents.first?.agentName == "priya-sales")
    }

    @Test func singleAgentAndAgentWrites() throws {
        let agent = try sample("agent", as: Components.Schemas.Agent.self)
        #expect(agent.id == "6f1c")
        #expect(agent.config?.additionalProperties.value["persona"] != nil)
        let created = try sample("created-agent", as: Components.Schemas.CreatedAgent.self)
        #expect(created.agentId == "6f1c")
        let merged = try sample("agent-config", as: Components.Schemas.AgentConfigResponse.self)
        #expect(merged.agentDisplayName == "Priya")
        #expect(merged.additionalProperties.value["persona"] != nil)
        let deleted = try sample("message", as: Components.Schemas.MessageResponse.self)
        #expect(deleted.message == "Agent deleted successfully")
        let health = try sample("health", as: Components.Schemas.HealthStatus.self)
        #expect(health.status == "healthy")
    }

    @Test func sessionShapes() throws {
        let created = try sample("session-created", as: Components.Schemas.CreatedSession.self)
        #expect(created.sessionToken == "st_123")
        let connection = try sample("session-connection", as: Components.Schemas.SessionConnection.self)
        #expect(connection.lkToken == "eyJ.lk.token")
        let status = try sample("session-status", as: Components.Schemas.SessionStatus.self)
        #expect(status.status == "reconnecting")
        #expect(status.gracePeriodEndsAt == "2026-11-26T10:05:00Z")
        #expect(status.metadata?.additionalProperties.value["crm"] as? String == "42")
        let event = try sample("session-event", as: Components.Schemas.SessionEvent.self)
        #expect(event.event == "session_ended")
        #expect(event.reason == "explicit_end")
    }

    @Test(arguments: [
        ("error-detail-text", "Invalid API key"),
        ("error-detail-list", "body.contact_number: must be E.164"),
        ("error-message", "Insufficient wallet balance"),
    ])
    func errorBodyMessage(name: String, message: String) throws {
        let body = try sample(name, as: Components.Schemas.ErrorBody.self)
        #expect(body.humanMessage == message)
    }
}
