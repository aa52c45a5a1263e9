import Foundation
import Testing
@testable import VaaniSimulator

@Suite("Simulator models without I/O")
struct ModelTests {
    @Test func theTokenBucketAllowsABurstThenRefillsAtItsRate() {
        var bucket = TokenBucket(rate: 2, capacity: 3, nowNanos: 0)
        #expect((0..<3).map { _ in bucket.take(atNanos: 0) } == [.allow, .allow, .allow])
        #expect(bucket.take(atNanos: 0) == .reject(retryAfterNanos: 500_000_000))
        #expect(bucket.take(atNanos: 250_000_000) == .reject(retryAfterNanos: 250_000_000))
        #expect(bucket.take(atNanos: 500_000_000) == .allow)
        #expect((0..<4).map { _ in bucket.take(atNanos: 60_000_000_000) }.filter { $0 == .allow }.count == 3)
    }

    @Test func aScheduleMovesThroughItsPhases() {
        let schedule = CallSchedule(queueMs: 1_000, ringMs: 5_000, talkMs: 60_000, outcome: .completed)
        #expect(schedule.phase(atNominalMs: 0) == .queued)
        #expect(schedule.phase(atNominalMs: 1_000) == .ringing)
        #expect(schedule.phase(atNominalMs: 6_500) == .inProgress(talkedMs: 500))
        #expect(schedule.phase(atNominalMs: 66_000) == .ended(.completed))
        let busy = CallSchedule(queueMs: 1_000, ringMs: 2_000, talkMs: 0, outcome: .busy)
        #expect(busy.phase(atNominalMs: 3_000) == .ended(.busy))
    }

    @Test func outcomeWeightsAreRespected() {
        let weights = OutcomeWeights(configuration: .init(answerRate: 3, noAnswerRate: 1, busyRate: 0, failRate: 0, voicemailRate: 0))
        var random = SplitMix64(seed: 1)
        var counts: [CallOutcome: Int] = [:]
        for _ in 0..<10_000 { counts[weights.draw(random.nextUnit()), default: 0] += 1 }
        #expect(Set(counts.keys) == [.completed, .noAnswer])
        #expect((7_200...7_800).contains(counts[.completed] ?? 0))
        #expect(weights.draw(0.999_999_999_999) == .noAnswer)
    }

    @Test func callIDsRoundTripAndRejectForeignIDs() {
        let id = CallID.make(tag: 0xDEAD_BEEF_0123_4567, index: 42)
        #expect(id == "deadbeef-0123-4567-8000-00000000002a")
        #expect(CallID.parse(id)?.index == 42)
        #expect(CallID.parse(id)?.tag == 0xDEAD_BEEF_0123_4567)
        #expect(CallID.parse("not-a-call") == nil)
        #expect(CallID.parse("deadbeef-0123-4567-9000-00000000002a") == nil)
    }

    @Test func theWAVHeaderDescribes8kHzMono16BitPCM() async throws {
        let stream = WAVStream(durationMs: 1_250, seed: 9)
        var bytes: [UInt8] = []
        var chunks = 0
        for try await chunk in stream {
            bytes += chunk
            chunks += 1
        }
        #expect(bytes.count == stream.byteCount)
        #expect(bytes.count == 44 + 10_000 * 2)
        #expect(chunks == 1 + 3)
        #expect(Array(bytes[0..<4]) == Array("RIFF".utf8))
        #expect(Array(bytes[36..<40]) == Array("data".utf8))
        #expect(bytes[22] == 1)  // mono
        #expect(bytes[34] == 16)  // bits per sample
        var again: [UInt8] = []
        for try await chunk in stream { again += chunk }
        #expect(again == bytes)
    }

    @Test func scriptsUseTheNameAndEveryMetadataValue() {
        var random = SplitMix64(seed: 5)
        let content = ConversationScript.write(
            .init(
                contactName: "Anil Shah", metadata: ["amount": "1200", "due_date": "Friday", "branch": "Andheri"],
                agentPersona: "Asha", company: "Acme Finance", talkMs: 90_000, outcome: .completed
            ),
            random: &random
        )
        #expect(content.plainText.contains("Namaste Anil"))
        #expect(content.plainText.contains("₹1200"))
        #expect(content.plainText.contains("Friday"))
        #expect(content.plainText.contains("branch as Andheri"))
        #expect(content.summary.contains("Anil Shah"))
        #expect(content.entity["branch"] == "Andheri")
        #expect(content.lines.last.map { $0.endMs <= 90_000 } == true)
        #expect(content.lines.first?.startMs == 0)
    }

    @Test func metadataKeysAreMatchedAsCRMExportsNameThem() {
        var random = SplitMix64(seed: 5)
        let content = ConversationScript.write(
            .init(
                contactName: "Asha Verma", metadata: ["Due_Amount": "1200", "due_on": "Friday", "language": "hi"],
                agentPersona: "Asha", company: "Acme Finance", talkMs: 60_000, outcome: .completed
            ),
            random: &random
        )
        #expect(content.plainText.contains("₹1200"))
        #expect(content.plainText.contains("due on Friday"))
        #expect(content.plainText.contains("language as hi"))
        #expect(!content.plainText.contains("due amount as"))
    }

    @Test func voicemailLeavesAMessageOnly() {
        var random = SplitMix64(seed: 5)
        let content = ConversationScript.write(
            .init(
                contactName: "Asha Verma", metadata: ["product": "Gold Plan"], agentPersona: "Asha",
                company: "Acme", talkMs: 20_000, outcome: .voicemail
            ),
            random: &random
        )
        #expect(content.lines.count == 1)
        #expect(content.lines.first?.speaker == "agent")
        #expect(content.evalTag == "voicemail")
        #expect(content.plainText.contains("Gold Plan"))
    }

    @Test func dndListsAreReadFromNumbersAndFiles() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dnd-\(UUID().uuidString).csv")
        try "number\n+919000000001\n\n# withdrawn consent\n+919000000002,Asha\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let numbers = try SimulatorConfiguration.dndNumbers(from: ["+14155550100", file.path])
        #expect(numbers == ["+14155550100", "+919000000001", "+919000000002"])
        try "+919000000001\n12345\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: SimulatorConfigurationError(field: "dnd", problem: "\(file.path):2: '12345' is not an E.164 number")) {
            try SimulatorConfiguration.dndNumbers(from: [file.path])
        }
        #expect(throws: SimulatorConfigurationError.self) { try SimulatorConfiguration.dndNumbers(from: ["+12"]) }
    }

    @Test func deepMergeMergesObjectsAndReplacesEverythingElse() {
        let merged = deepMerge(
            ["a": 1, "b": ["x": 1, "y": 2] as [String: (any Sendable)?], "c": [1, 2] as [(any Sendable)?]],
            ["b": ["y": 3] as [String: (any Sendable)?], "c": [3] as [(any Sendable)?], "d": "new"]
        )
        #expect(merged["a"] as? Int == 1)
        let b = merged["b"] as? [String: (any Sendable)?]
        #expect(b?["x"] as? Int == 1)
        #expect(b?["y"] as? Int == 3)
        #expect((merged["c"] as? [(any Sendable)?])?.count == 1)
        #expect(merged["d"] as? String == "new")
    }
}
