import CampaignStore

extension CampaignReporter {
    /// One page of a campaign's contacts in import order, searched and filtered by `query`, with the
    /// number that match in all. The store's rows stream through the query, so memory holds one page
    /// however large the campaign.
    /// - Parameters:
    ///   - name: The campaign's name.
    ///   - query: The search, status filter and page.
    /// - Throws: ``CampaignReportError/unknownCampaign(name:)``, or a store error.
    public func contacts(campaign name: String, query: ContactQuery) async throws -> ContactPage {
        try await store.withReportSnapshot { snapshot in
            let campaign = try await campaign(named: name, in: snapshot)
            let skip = (query.page - 1) * query.perPage
            var matched = 0
            var rows: [ContactPage.Row] = []
            rows.reserveCapacity(query.perPage)
            try await snapshot.forEachContact(ofCampaign: campaign.id, limit: nil) { row in
                let fields = ContactRowFields(
                    name: row.name, phone: row.phoneE164, status: row.statusText, summary: row.summary)
                guard query.matches(fields) else { return }
                if matched >= skip, rows.count < query.perPage {
                    rows.append(
                        ContactPage.Row(
                            id: row.contactID, rowNumber: row.rowNumber, name: row.name, phone: row.phoneE164,
                            status: row.statusText, attempts: row.attempts, callStatus: row.callStatus,
                            durationSeconds: row.durationMilliseconds.map { Double($0) / 1000 },
                            disposition: row.disposition, summary: row.summary, error: row.error))
                }
                matched += 1
            }
            return ContactPage(contacts: rows, page: query.page, perPage: query.perPage, total: matched)
        }
    }
}
