import CampaignStore
import CampaignEngine
import Testing

@Suite("Campaign lifecycle")
struct CampaignLifecycleTests {
    @Test("ready → running → paused for balance → resumed → completed")
    func pauseAndResume() {
        var campaign = CampaignLifecycle(state: .ready)
        #expect(campaign.start() == .dispatch)
        #expect(campaign.state == .running)
        #expect(campaign.pause(.insufficientBalance) == .stopDialing)
        #expect(campaign.state.description == "paused: insufficient balance")
        #expect(campaign.start() == .dispatch)
        #expect(campaign.allContactsFinal() == .finish)
        #expect(campaign.state == .completed)
        #expect(campaign.start() == .refuse("the campaign is already completed"))
        #expect(campaign.cancel() == .refuse("the campaign is already completed"))
        #expect(campaign.pause(.user) == .refuse("a completed campaign cannot be paused"))
    }

    @Test("a stop with work left returns to ready; stopping a campaign that is not running does nothing")
    func stop() {
        var campaign = CampaignLifecycle(state: .running)
        #expect(campaign.stop() == .stopDialing)
        #expect(campaign.state == .ready)
        #expect(campaign.stop() == .none)
    }

    @Test("cancel ends every waiting contact and cannot be undone")
    func cancel() {
        for state: CampaignLifecycle.State in [.ready, .running, .paused(.user)] {
            var campaign = CampaignLifecycle(state: state)
            #expect(campaign.cancel() == .cancelWaitingContacts)
            #expect(campaign.state == .cancelled)
            #expect(campaign.cancel() == .none)
            #expect(campaign.start() == .refuse("the campaign was cancelled"))
            #expect(campaign.allContactsFinal() == .none)
            #expect(campaign.state == .cancelled)
        }
    }

    @Test("pausing a campaign that is not running records the reason without stopping anything")
    func pauseWhenIdle() {
        var campaign = CampaignLifecycle(state: .ready)
        #expect(campaign.pause(.user) == .none)
        #expect(campaign.state == .paused(.user))
        #expect(campaign.pause(.authentication) == .none)
        #expect(campaign.state.description == "paused: API key refused")
    }

    @Test("a stored pause reason reads back; an unknown one counts as a user pause")
    func storedReason() {
        #expect(CampaignLifecycle.PauseReason(storedText: "insufficient balance") == .insufficientBalance)
        #expect(CampaignLifecycle.PauseReason(storedText: "something else") == .user)
        #expect(CampaignLifecycle.PauseReason(storedText: nil) == .user)
    }
}
