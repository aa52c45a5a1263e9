public import CampaignStore

extension CallReport {
    /// The outcome, once the call has ended.
    public var outcome: CallOutcome? { CallOutcome(callStatus: callStatus) }
}
