public import Foundation

/// Where an import writes: a record of each import, and its contacts in batches whose counts are
/// stored in the same transaction as the contacts themselves.
public protocol ContactImportStore: Sendable {
    /// Records the start of an import into a campaign.
    /// - Returns: The import's id.
    func beginImport(intoCampaign campaignID: Int64, source: String, now: Date) async throws -> Int64

    /// Inserts a batch of contacts (skipping numbers the campaign already has, within the batch too)
    /// and stores the import's counts in the same transaction.
    /// - Parameter counts: The counts so far, excluding this batch's inserts and duplicates.
    func commitImportBatch(
        _ contacts: [NewContact],
        intoCampaign campaignID: Int64,
        importID: Int64,
        counts: ImportCounts
    ) async throws -> ContactInsertResult

    /// Stores the final counts of an import and marks it finished.
    func finishImport(_ importID: Int64, counts: ImportCounts, now: Date) async throws

    /// Gives back whatever the batches of an import that stops early held (caches, connections).
    func endImportBatches() async throws

    /// The imports of a campaign, oldest first.
    func imports(ofCampaign campaignID: Int64) async throws -> [ImportRecord]

    /// The directory beside the store where files that belong to it (rejects files) are written.
    var sidecarDirectory: String { get }
}
