import CampaignStore
import CampaignEngine
import Testing

@Suite("Redial policy")
struct RedialPolicyTests {
    @Test("defaults: 3 attempts, 30/60/120/120 minutes")
    func defaults() {
        let policy = RedialPolicy()
        #expect(policy.maxAttempts == 3)
        #expect(policy.decision(after: .noAnswer, attempts: 1) == .redial(after: .seconds(1800)))
        #expect(policy.decision(after: .busy, attempts: 2) == .redial(after: .seconds(3600)))
        #expect(policy.decision(after: .failed, attempts: 1) == .redial(after: .seconds(7200)))
        #expect(policy.decision(after: .voicemail, attempts: 1) == .redial(after: .seconds(7200)))
        #expect(policy.decision(after: .busy, attempts: 3) == .finish)
        #expect(policy.decision(after: .completed, attempts: 1) == .finish)
    }

    @Test("at least one attempt; completed never gets a delay")
    func clamps() {
        let policy = RedialPolicy(maxAttempts: 0, delays: [.completed: .seconds(1), .busy: .seconds(5)])
        #expect(policy.maxAttempts == 1)
        #expect(policy.delays == [.busy: .seconds(5)])
        #expect(RedialPolicy(maxAttempts: 5, delays: [:]).decision(after: .noAnswer, attempts: 1) == .finish)
    }

    @Test("final call statuses map to outcomes; statuses of live calls do not", arguments: [
        ("completed", CallOutcome.completed), ("no_answer", .noAnswer), ("no-answer", .noAnswer), ("BUSY", .busy),
        ("failed", .failed), ("voicemail", .voicemail),
    ])
    func outcomes(status: String, outcome: CallOutcome) {
        #expect(CallOutcome(callStatus: status) == outcome)
    }

    @Test("live statuses are not outcomes", arguments: ["queued", "ringing", "in_progress", "", "weird"])
    func liveStatuses(status: String) {
        #expect(CallOutcome(callStatus: status) == nil)
    }
}
