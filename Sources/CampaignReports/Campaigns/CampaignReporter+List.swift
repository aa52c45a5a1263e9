import CampaignStore

extension CampaignReporter {
    /// Every campaign in the store, oldest first, with its state and progress.
    ///
    /// - Throws: A store error, or ``CampaignStoreError`` for a row this version cannot read.
    public func campaigns() async throws -> [CampaignListEntry] {
        try await store.withReportSnapshot { snapshot in
            try await snapshot.campaignProgress().map { progress in
                CampaignListEntry(
                    name: progress.campaign.name,
                    agentID: progress.campaign.agentID,
                    state: progress.campaign.status,
                    pauseReason: progress.campaign.pauseReason,
                    contacts: progress.contacts,
                    finishedContacts: progress.finishedContacts,
                    createdAt: progress.campaign.createdAt,
                    updatedAt: progress.campaign.updatedAt
                )
            }
        }
    }
}
