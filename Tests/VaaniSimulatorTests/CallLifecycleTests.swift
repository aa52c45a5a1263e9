import SimulatorHarness
import Foundation
import NIOCore
import NIOHTTP1
import Testing
import VaaniSimulator

@Suite("Call lifecycle, history, details, transcripts and recordings over HTTP")
struct CallLifecycleTests {
    static let everyoneAnswers = SimulatorConfiguration(
        speed: 50_000, answerRate: 1, noAnswerRate: 0, busyRate: 0, failRate: 0, voicemailRate: 0
    )

    @Test func aCallStartsQueuedAndEndsCompletedWithItsContent() async throws {
        // Time slowed down twentyfold: the call stays queued for many seconds, however loaded the machine.
        try await withSimulator(.init(speed: 0.05, answerRate: 1, noAnswerRate: 0, busyRate: 0, failRate: 0, voicemailRate: 0)) { simulator async throws in
            let callID = try #require(try await simulator.trigger("+14155550100").callID)
            let early = try await simulator.send(.GET, "/api/call_details/\(callID)").object
            #expect(early["call_status"] as? String == "queued")
            #expect(early["transcript"] == nil)
            #expect(early["created_at"] is String)
        }
        try await withSimulator(Self.everyoneAnswers) { simulator async throws in
            let callID = try #require(
                try await simulator.trigger("+14155550100", name: "Meera Iyer", metadata: ["amount": "4500", "due_date": "5 Dec"]).callID
            )
            let details = try await simulator.waitUntilEnded(callID)
            #expect(details["call_status"] as? String == "completed")
            #expect(details["call_id"] as? String == callID)
            #expect(details["contact_number"] as? String == "+14155550100")
            #expect(details["name"] as? String == "Meera Iyer")
            #expect(details["agent_id"] as? String == SimulatorConfiguration.demoAgentID)
            #expect((details["metadata"] as? [String: Any])?["amount"] as? String == "4500")
            #expect((details["duration_ms"] as? Int ?? 0) >= 30_000)
            #expect(details["ended_at"] is String)
            #expect(details["cost"] is Double)
            #expect((details["summary"] as? String)?.contains("Meera Iyer") == true)
            #expect(details["call_eval_tag"] is String)
            #expect((details["entity"] as? [String: Any])?["customer_name"] as? String == "Meera Iyer")
            let transcript = try #require(details["transcript"] as? [[String: Any]])
            let text = transcript.compactMap { $0["text"] as? String }.joined(separator: " ")
            #expect(text.contains("Meera"))
            #expect(text.contains("₹4500"))
            #expect(text.contains("5 Dec"))

            let transcriptResponse = try await simulator.send(.GET, "/api/transcript/\(callID)")
            #expect(transcriptResponse.status == 200)
            #expect((transcriptResponse.object["transcript"] as? [[String: Any]])?.count == transcript.count)
        }
    }

    @Test func templatesFollowTheMetadata() async throws {
        try await withSimulator(Self.everyoneAnswers) { simulator async throws in
            let appointment = try #require(try await simulator.trigger("+14155550101", name: "Kiran", metadata: ["appointment_date": "Monday", "doctor": "Dr. Rao"]).callID)
            let offer = try #require(try await simulator.trigger("+14155550102", name: "Kiran", metadata: ["product": "Gold Plan", "city": "Pune"]).callID)
            let appointmentText = try await Self.transcriptText(simulator, appointment)
            let offerText = try await Self.transcriptText(simulator, offer)
            #expect(appointmentText.contains("appointment with Dr. Rao"))
            #expect(offerText.contains("Gold Plan"))
            #expect(offerText.contains("city as Pune"))
            #expect(appointmentText != offerText)
        }
    }

    static func transcriptText(_ simulator: RunningSimulator, _ callID: String) async throws -> String {
        let details = try await simulator.waitUntilEnded(callID)
        return (details["transcript"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }.joined(separator: " ")
    }

    @Test func unknownCallsGet404() async throws {
        try await withSimulator { simulator async throws in
            for path in ["/api/call_details/", "/api/transcript/", "/api/stream/"] {
                let response = try await simulator.send(.GET, path + "00000000-0000-0000-8000-000000000000")
                #expect(response.status == 404)
                #expect(response.object["detail"] is String)
            }
        }
    }

    @Test func historyIsNewestFirstAndPaginated() async throws {
        try await withSimulator { simulator async throws in
            var ids: [String] = []
            for n in 0..<5 { ids.append(try #require(try await simulator.trigger("+1415555010\(n)").callID)) }
            let first = try await simulator.send(.GET, "/api/call-history?page=1&page_size=2").object
            let pagination = try #require(first["pagination"] as? [String: Any])
            #expect(pagination["total"] as? Int == 5)
            #expect(pagination["total_pages"] as? Int == 3)
            #expect(pagination["page"] as? Int == 1)
            let firstIDs = (first["data"] as? [[String: Any]])?.compactMap { $0["call_id"] as? String }
            #expect(firstIDs == [ids[4], ids[3]])
            let last = try await simulator.send(.GET, "/api/call-history?page=3&page_size=2").object
            #expect((last["data"] as? [[String: Any]])?.compactMap { $0["call_id"] as? String } == [ids[0]])
            let beyond = try await simulator.send(.GET, "/api/call-history?page=9&page_size=2").object
            #expect((beyond["data"] as? [Any])?.isEmpty == true)
            let record = try #require((first["data"] as? [[String: Any]])?.first)
            #expect(record["call_status"] is String)
            #expect(record["duration_ms"] is Int)
            #expect(try await simulator.send(.GET, "/api/call-history?page_size=500").status == 422)
            #expect(try await simulator.send(.GET, "/api/call-history?page=0").status == 422)
        }
    }

    @Test func theRecordingIsAWAVAsLongAsTheCall() async throws {
        try await withSimulator(Self.everyoneAnswers) { simulator async throws in
            let callID = try #require(try await simulator.trigger("+14155550100").callID)
            let details = try await simulator.waitUntilEnded(callID)
            let durationMs = try #require(details["duration_ms"] as? Int)
            let audio = try await simulator.send(.GET, "/api/stream/\(callID)")
            #expect(audio.status == 200)
            #expect(audio.headers.first(name: "Content-Type") == "audio/wav")
            let bytes = audio.body
            #expect(String(decoding: bytes[0..<4], as: UTF8.self) == "RIFF")
            #expect(String(decoding: bytes[8..<12], as: UTF8.self) == "WAVE")
            let sampleRate = Int(bytes[24]) | Int(bytes[25]) << 8 | Int(bytes[26]) << 16
            #expect(sampleRate == 8_000)
            let dataSize = Int(bytes[40]) | Int(bytes[41]) << 8 | Int(bytes[42]) << 16 | Int(bytes[43]) << 24
            #expect(dataSize == bytes.count - 44)
            #expect(dataSize == durationMs * 8 * 2)
            #expect(bytes[44...].contains { $0 != 0 })
        }
    }

    @Test func callsThatNeverConnectHaveNoRecording() async throws {
        try await withSimulator(.init(speed: 50_000, answerRate: 0, noAnswerRate: 1, busyRate: 0, failRate: 0, voicemailRate: 0)) { simulator async throws in
            let callID = try #require(try await simulator.trigger("+14155550100").callID)
            let details = try await simulator.waitUntilEnded(callID)
            #expect(details["call_status"] as? String == "no_answer")
            #expect(details["duration_ms"] as? Int == 0)
            #expect(details["cost"] as? Double == 0)
            #expect(try await simulator.send(.GET, "/api/stream/\(callID)").status == 404)
        }
    }

    @Test func theSameSeedAndRequestsGiveTheSameOutcomes() async throws {
        let numbers = (0..<30).map { "+9198765432\(String(format: "%02d", $0))" }
        func run(seed: UInt64) async throws -> [String] {
            try await withSimulator(.init(seed: seed, speed: 1_000_000)) { simulator async throws in
                var results: [String] = []
                for number in numbers {
                    let callID = try #require(try await simulator.trigger(number).callID)
                    let details = try await simulator.waitUntilEnded(callID)
                    results.append("\(callID) \(details["call_status"] ?? "") \(details["duration_ms"] ?? "") \(details["call_eval_tag"] ?? "")")
                }
                return results
            }
        }
        let first = try await run(seed: 7)
        let second = try await run(seed: 7)
        let other = try await run(seed: 8)
        #expect(first == second)
        #expect(first != other)
        #expect(Set(first.map { $0.split(separator: " ")[1] }).count > 1)
    }
}
