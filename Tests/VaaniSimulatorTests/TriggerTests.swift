import SimulatorHarness
import Foundation
import NIOCore
import NIOHTTP1
import OpenAPIRuntime
import Testing
import VaaniSimulator

@Suite("Triggering calls over HTTP")
struct TriggerTests {
    @Test func aTriggerPlacesOneCallAndRecordsItInTheLedger() async throws {
        try await withSimulator { simulator async throws in
            let response = try await simulator.trigger(
                "+919876543210", name: "Ravi Kumar", metadata: ["amount": 4500, "due_date": "5 December"],
                idempotencyKey: "campaign-1/contact-1/attempt-1"
            )
            #expect(response.status == 200)
            #expect(response.object["success"] as? Bool == true)
            let output = try #require(response.object["output"] as? [String: Any])
            #expect(output["agent_name"] as? String == SimulatorConfiguration.demoAgentName)
            let callID = try #require(response.callID)
            let ledger = try await simulator.ledger()
            #expect(ledger.count == 1)
            #expect(ledger.first?.callID == callID)
            #expect(ledger.first?.contactNumber == "+919876543210")
            #expect(ledger.first?.name == "Ravi Kumar")
            #expect(ledger.first?.idempotencyKey == "campaign-1/contact-1/attempt-1")
            #expect(ledger.first?.metadata == (try OpenAPIObjectContainer(unvalidatedValue: ["amount": 4500, "due_date": "5 December"])))
            #expect(try await simulator.stats().callsPlaced == 1)
        }
    }

    @Test func invalidTriggersGet422NamingEachField() async throws {
        try await withSimulator { simulator async throws in
            let badNumber = try await simulator.trigger("98765 43210", name: "")
            #expect(badNumber.status == 422)
            let problems = try #require(badNumber.object["detail"] as? [[String: Any]])
            let fields = problems.compactMap { ($0["loc"] as? [String])?.last }
            #expect(fields == ["contact_number", "name"])

            let missingAgent = try await simulator.send(.POST, "/api/trigger-call/", json: ["contact_number": "+14155550100", "name": "A"])
            #expect(missingAgent.status == 422)
            #expect(missingAgent.text.contains("agent_id"))

            let unknownAgent = try await simulator.send(
                .POST, "/api/trigger-call/", json: ["agent_id": "no-such-agent", "contact_number": "+14155550100", "name": "A"]
            )
            #expect(unknownAgent.status == 422)
            #expect(unknownAgent.text.contains("no-such-agent"))

            let notJSON = try await simulator.send(.POST, "/api/trigger-call/", json: ["agent_id": 5])
            #expect(notJSON.status == 422)
            #expect(try await simulator.ledger().isEmpty)
        }
    }

    @Test func dndNumbersGet403UnlessTheCheckIsSkipped() async throws {
        try await withSimulator(.init(dndNumbers: ["+919000000001"])) { simulator async throws in
            let blocked = try await simulator.trigger("+919000000001")
            #expect(blocked.status == 403)
            #expect((blocked.object["detail"] as? String)?.contains("Do-Not-Disturb") == true)
            #expect(try await simulator.ledger().isEmpty)
            let skipped = try await simulator.trigger("+919000000001", extra: ["dnd_check_skipped": true])
            #expect(skipped.status == 200)
            #expect(try await simulator.ledger().count == 1)
        }
    }

    @Test func anEmptyWalletGets402AndPlacesNothing() async throws {
        try await withSimulator(.init(balance: 100, pricePerMinute: 1)) { simulator async throws in
            #expect(try await simulator.trigger("+14155550100").status == 200)
            try await simulator.setBalance(0.5)
            let broke = try await simulator.trigger("+14155550101")
            #expect(broke.status == 402)
            #expect((broke.object["detail"] as? String)?.contains("balance") == true)
            #expect(try await simulator.ledger().count == 1)
            try await simulator.setBalance(10)
            #expect(try await simulator.trigger("+14155550101").status == 200)
        }
    }

    @Test func callsAreChargedPerConnectedMinute() async throws {
        try await withSimulator(.init(speed: 100_000, balance: 1_000, pricePerMinute: 2, answerRate: 1, noAnswerRate: 0, busyRate: 0, failRate: 0, voicemailRate: 0)) { simulator async throws in
            let callID = try #require(try await simulator.trigger("+14155550100").callID)
            let details = try await simulator.waitUntilEnded(callID)
            let durationMs = try #require(details["duration_ms"] as? Int)
            let cost = try #require(details["cost"] as? Double)
            #expect(cost == (Double(durationMs) / 60_000).rounded(.up) * 2)
            #expect(try await simulator.balances()[simulator.apiKey] == 1_000 - cost)
        }
    }

    @Test func aRepeatedIdempotencyKeyReturnsTheFirstCallAgain() async throws {
        try await withSimulator { simulator async throws in
            let first = try await simulator.trigger("+14155550100", idempotencyKey: "k-1")
            let second = try await simulator.trigger("+14155550100", idempotencyKey: "k-1")
            let other = try await simulator.trigger("+14155550100", idempotencyKey: "k-2")
            #expect(first.status == 200 && second.status == 200 && other.status == 200)
            #expect(first.callID != nil)
            #expect(second.callID == first.callID)
            #expect(other.callID != first.callID)
            #expect(try await simulator.ledger().count == 2)
            #expect(try await simulator.stats().idempotentReplays == 1)
        }
    }

    @Test func concurrentTriggersWithOneKeyPlaceOneCall() async throws {
        try await withSimulator { simulator async throws in
            let ids = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<20 { group.addTask { try await simulator.trigger("+14155550100", idempotencyKey: "same").callID } }
                return try await group.reduce(into: Set<String?>()) { $0.insert($1) }
            }
            #expect(ids.count == 1)
            #expect(try await simulator.ledger().count == 1)
        }
    }

    @Test func testModeSimulatesWithoutPlacing() async throws {
        try await withSimulator { simulator async throws in
            let response = try await simulator.trigger("+14155550100", extra: ["test_mode": true])
            #expect(response.status == 200)
            #expect(response.object["success"] as? Bool == true)
            #expect(try await simulator.ledger().isEmpty)
        }
    }

    @Test func webrtcTriggersAnswerWithConnectionDetails() async throws {
        try await withSimulator { simulator async throws in
            let response = try await simulator.send(
                .POST, "/api/trigger-call/", json: ["agent_id": SimulatorConfiguration.demoAgentName, "medium": "webrtc"]
            )
            #expect(response.status == 200)
            #expect(response.object["token"] is String)
            #expect(response.object["room_name"] is String)
            #expect(response.object["connection_url"] is String)
        }
    }
}
