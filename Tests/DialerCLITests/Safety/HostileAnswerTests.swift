@testable import SQLiteStore
import CampaignEngine
import CampaignStore
import SimulatorHarness
import Foundation
import Testing
import VaaniAPI
import VaaniSimulator

/// The simulator's `garbage` fault: truncated JSON, wrong types, an endless body, an HTML 503 page and
/// an undocumented 418, over real HTTP. Each is a clear `VaaniError`; a campaign run through them
/// reconciles or redials every contact and calls nobody twice.
@Suite("Hostile API answers")
struct HostileAnswerTests {
    static func simulator(garbageRate: Double) -> SimulatorConfiguration {
        SimulatorConfiguration(
            seed: 21, speed: 2000, answerRate: 1, noAnswerRate: 0, busyRate: 0, failRate: 0, voicemailRate: 0,
            garbageRate: garbageRate
        )
    }

    @Test("each hostile answer is a VaaniError naming the operation and what was wrong; the body read is capped")
    func eachAnswer() async throws {
        try await withSimulator(Self.simulator(garbageRate: 1)) { simulator in
            // The endless body is cut by the client's size limit, not by time; the timeout only has to be
            // long enough that a loaded (or sanitized) machine still reads the other bodies whole.
            let configuration = VaaniConfiguration(
                apiKey: simulator.apiKey, baseURL: simulator.baseURL, timeout: .seconds(90),
                retryPolicy: RetryPolicy(retriesWritesWhenRateLimited: false, retriesWritesWhenNotSent: false)
            )
            let errors: [VaaniError] = try await VaaniClient.withClient(configuration) { client in
                var errors: [VaaniError] = []
                for index in 0..<GarbageAnswer.allCases.count {
                    let request = TriggerCallRequest(
                        agentID: SimulatorConfiguration.demoAgentName, contactNumber: "+91981000900\(index)", name: "P\(index)"
                    )
                    do {
                        let result = try await client.calls.trigger(request)
                        Issue.record("answer \(index) was accepted: \(result)")
                    } catch let error as VaaniError {
                        errors.append(error)
                    }
                }
                return errors
            }
            try #require(errors.count == 5)
            #expect(errors.allSatisfy { $0.operation == "triggerCall" })
            #expect(errors.map(\.kind) == [.unexpected, .unexpected, .unexpected, .server, .unexpected])
            #expect(errors.map(\.statusCode) == [200, 200, 200, 503, 418])
            #expect(errors.map(\.isOutcomeUnknown) == [false, false, false, true, false])
            #expect(
                errors[0].description
                    == "Vaani API error (triggerCall, unexpected, HTTP 200): the response to triggerCall could not be read: "
                    + "Unknown — the top level: The given data was not valid JSON."
            )
            #expect(
                errors[1].description
                    == "Vaani API error (triggerCall, unexpected, HTTP 200): the response to triggerCall could not be read: "
                    + "Unknown — the top level: missing TriggerCallResponse value (The anyOf structure did not decode into "
                    + "any child schema.)"
            )
            #expect(
                errors[2].message
                    == "the answer to triggerCall is longer than the client's limit of 16777216 bytes; "
                    + "stopped reading it (VaaniConfiguration.maxResponseBytes)"
            )
            #expect(errors[3].message == "503 Service Temporarily Unavailable 503 Service Temporarily Unavailable nginx")
            #expect(errors[4].message == "I'm a teapot")
            #expect(errors[4].description == "Vaani API error (triggerCall, unexpected, HTTP 418): I'm a teapot")
            // The first three were placed before their answers were spoiled; the last two were not.
            #expect(try await simulator.ledger().map(\.contactNumber) == (0..<3).map { "+91981000900\($0)" })
        }
    }

    @Test("a campaign run through hostile answers reconciles or redials every contact and calls nobody twice")
    func campaignRun() async throws {
        try await withSimulator(Self.simulator(garbageRate: 0.3)) { simulator in
            try await SafetyDirectory.with { directory in
                let path = directory.path("hostile.sqlite")
                let numbers = StoreFaultTests.numbers(40)
                let store = try CampaignDatabase.open(at: path)
                try StoreFaultTests.insert(numbers, into: store, campaign: "hostile")
                let before = try StoreFaultTests.snapshot(store, "hostile")

                #expect(try await StoreFaultTests.run(store, campaign: "hostile", on: simulator) == .completed)

                #expect(try await StoreFaultTests.callsPerNumber(simulator) == Dictionary(uniqueKeysWithValues: numbers.map { ($0, 1) }))
                let after = try StoreFaultTests.snapshot(store, "hostile")
                #expect(after.map { $0.split(separator: "|").prefix(3) } == before.map { $0.split(separator: "|").prefix(3) })
                let campaign = try #require(try store.campaign(named: "hostile"))
                #expect(try store.contactCounts(ofCampaign: campaign.id) == [.completed: numbers.count])
                let faults = try await simulator.stats().faults
                for answer in GarbageAnswer.allCases {
                    #expect(faults[answer.rawValue, default: 0] >= 1, "no \(answer.rawValue) in \(faults)")
                }
            }
        }
    }
}
