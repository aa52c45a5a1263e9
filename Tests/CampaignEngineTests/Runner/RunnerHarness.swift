@testable import SQLiteStore
import CampaignEngine
import CampaignStore
import Foundation
import Testing

/// A campaign in a real in-memory store, the fake remote API on a manual clock, and a runner over both.
struct RunnerHarness {
    struct TimedOut: Error {}

    let database: CampaignDatabase
    let journal: SQLiteDispatchJournal
    let clock = ManualClock()
    let origin: Date
    let vaani: FakeVaani

    /// - Parameters:
    ///   - numbers: The contacts' numbers, in import order.
    ///   - timeZone: Every contact's time zone.
    ///   - origin: The wall-clock time at the start.
    ///   - database: The store, when the campaign joins others in one (default a new one in memory).
    ///   - campaignName: The campaign's name.
    init(
        numbers: [String],
        timeZone: String? = nil,
        origin: Date = Date(timeIntervalSince1970: 1_800_000_000),
        database: CampaignDatabase? = nil,
        campaignName: String = "test"
    ) throws {
        self.database = try database ?? CampaignDatabase.inMemory()
        let campaign = try self.database.createCampaign(name: campaignName, agentID: "agent-1")
        _ = try self.database.insertContacts(
            numbers.enumerated().map { index, number in
                NewContact(rowNumber: index + 2, name: "Contact \(index + 1)", phoneE164: number, timeZone: timeZone)
            },
            intoCampaign: campaign.id
        )
        journal = SQLiteDispatchJournal(database: self.database, campaignID: campaign.id)
        self.origin = origin
        vaani = FakeVaani(clock: clock, origin: origin)
    }

    func runner(
        _ configuration: EngineConfiguration,
        control: RunControl = RunControl(),
        apiKeyFingerprint: String? = nil
    ) -> CampaignRunner<ManualClock> {
        CampaignRunner(
            journal: journal,
            calls: vaani,
            agentID: "agent-1",
            configuration: configuration,
            clock: clock,
            control: control,
            wallClockOrigin: origin.addingTimeInterval(clock.now.offset.timeInterval),
            jitterSeed: 1,
            apiKeyFingerprint: apiKeyFingerprint
        )
    }

    /// Runs while advancing the manual clock in small steps until the run returns.
    func drive(
        _ configuration: EngineConfiguration,
        untilIdle: Bool = false,
        control: RunControl = RunControl(),
        step: Duration = .milliseconds(20),
        limit: Duration = .seconds(600),
        apiKeyFingerprint: String? = nil
    ) async throws -> RunOutcome {
        let runner = runner(configuration, control: control, apiKeyFingerprint: apiKeyFingerprint)
        let clock = self.clock
        return try await withThrowingTaskGroup(of: RunOutcome?.self) { group in
            group.addTask { try await runner.run(untilIdle: untilIdle) }
            group.addTask {
                var elapsed = Duration.zero
                while elapsed < limit {
                    for _ in 0..<20 { await Task.yield() }
                    try Task.checkCancellation()
                    clock.advance(by: step)
                    elapsed += step
                }
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            guard let outcome = first else { throw TimedOut() }
            return outcome
        }
    }

    func counts() throws -> [ContactStatus: Int] { try journal.statusCounts() }

    func contact(_ number: String) throws -> Contact? {
        try database.contact(phoneE164: number, inCampaign: journal.campaignID)
    }

    func attempts(_ number: String) throws -> [Attempt] {
        guard let contact = try contact(number) else { return [] }
        return try database.attempts(ofContact: contact.id)
    }
}
