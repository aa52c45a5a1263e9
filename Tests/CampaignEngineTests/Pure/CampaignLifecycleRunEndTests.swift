import CampaignStore
import CampaignEngine
import Testing

@Suite("Campaign lifecycle: the end of a run")
struct CampaignLifecycleRunEndTests {
    static let states: [CampaignLifecycle.State] = [
        .ready, .running, .paused(.user), .paused(.insufficientBalance), .completed, .cancelled,
    ]
    static let outcomes: [RunOutcome] = [
        .completed, .idle(nextDue: nil), .interrupted, .paused(.authentication), .paused(.user), .cancelled,
    ]

    @Test("a run's end leaves the state that the event of the same name leaves", arguments: states, outcomes)
    func sameAsTheEvent(state: CampaignLifecycle.State, outcome: RunOutcome) {
        var ended = CampaignLifecycle(state: state)
        ended.runEnded(outcome)
        var expected = CampaignLifecycle(state: state)
        let action: CampaignLifecycle.Action
        switch outcome {
        case .completed: action = expected.allContactsFinal()
        case .idle, .interrupted: action = expected.stop()
        case .paused(let reason): action = expected.pause(reason)
        case .cancelled: action = expected.cancel()
        }
        #expect(ended.state == expected.state, "after \(action)")
    }

    @Test("a running campaign ends completed, ready, paused or cancelled")
    func fromRunning() {
        for (outcome, state) in [
            (RunOutcome.completed, CampaignLifecycle.State.completed), (.idle(nextDue: nil), .ready),
            (.interrupted, .ready),
            (.paused(.insufficientBalance), .paused(.insufficientBalance)), (.cancelled, .cancelled),
        ] {
            var campaign = CampaignLifecycle(state: .running)
            campaign.runEnded(outcome)
            #expect(campaign.state == state)
        }
    }
}
