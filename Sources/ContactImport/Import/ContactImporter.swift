public import CampaignStore
import Foundation
public import PhoneNumbers

/// Imports a CSV contact list into a campaign: streams the file, validates every number, keeps
/// every other column as template variables, writes invalid rows to the rejects CSV, skips
/// duplicates and do-not-call numbers, and loads the rest in large transactions.
///
/// Reading and validating run on the caller's task while the previous batch is written on the
/// store, so the two overlap on a multi-core machine.
///
/// ```swift
/// let importer = ContactImporter(store: try CampaignDatabase.open(at: "vaani-dialer.sqlite"))
/// let summary = try await importer.importContacts(
///     from: "contacts.csv",
///     options: ContactImportOptions(campaign: "renewals", agentID: "agent-1", defaultRegion: "IN")
/// )
/// print(summary.counts.imported)
/// ```
public struct ContactImporter: Sendable {
    /// The store imported into.
    public let store: any DialerStore
    /// The phone number parser.
    public let parser: PhoneNumberParser

    /// Creates an importer.
    public init(store: any DialerStore, parser: PhoneNumberParser = PhoneNumberParser()) {
        self.store = store
        self.parser = parser
    }

    /// The default rejects file of a campaign: `<the store's sidecar directory>/<campaign>-rejects.csv`
    /// (beside an SQLite file; the current directory for an in-memory database or a database server).
    public func defaultRejectsPath(campaign: String) -> String {
        URL(fileURLWithPath: store.sidecarDirectory)
            .appendingPathComponent(Campaign.fileStem(ofName: campaign) + "-rejects.csv").path
    }

    /// Imports `path` into the campaign named in `options`, creating the campaign if needed.
    ///
    /// Importing the same file twice adds nothing; importing another file appends.
    ///
    /// - Parameters:
    ///   - path: The CSV file.
    ///   - options: Campaign, agent, region, column overrides, do-not-call file, limits.
    ///   - progress: Called after each committed batch.
    /// - Returns: The counts and where the rejects went.
    /// - Throws: ``CSVError`` when the file cannot be read at all; ``ContactImportError`` for a
    ///   header without a phone column, an unknown region or override, or (``ContactImportError/Code/stopped``)
    ///   a problem part-way through, after the rows before it were imported;
    ///   ``CampaignStoreError`` for campaign problems.
    public func importContacts(
        from path: String,
        options: ContactImportOptions,
        progress: (ImportProgress) -> Void = { _ in }
    ) async throws -> ImportSummary {
        let region = options.defaultRegion.map { $0.trimmingWhitespace().uppercased() }
        if let region, case .failure(let error) = parser.parse("0", defaultRegion: region), error.reason == .unknownRegion {
            throw ContactImportError.unknownRegion(region)
        }
        let reader = try CSVReader(path: path, limits: options.limits)
        var record = CSVRecord()
        guard try reader.next(into: &record) else {
            throw CSVError(.empty, path: path, reason: "the file has only blank lines; expected a header line such as name,phone")
        }
        let mapping = try ColumnMapping(
            header: (0..<record.count).map { record[$0] },
            phoneColumn: options.phoneColumn,
            nameColumn: options.nameColumn,
            path: path
        )
        let campaign = try await store.findOrCreateCampaign(
            name: options.campaign, agentID: options.agentID, settings: CampaignSettings(), now: Date())

        var doNotCall: DoNotCallSummary?
        var warnings: [String] = []
        if let file = options.doNotCallFile {
            let list = try DoNotCallList(path: file, parser: parser, defaultRegion: region)
            let added = try await store.suppress(
                list.numbers.map { SuppressionEntry(phoneE164: $0, reason: "do-not-call list", source: file) }
            )
            doNotCall = DoNotCallSummary(numbers: list.numbers.count, newlySuppressed: added, invalidLines: list.invalidLines.count)
            if let first = list.invalidLines.first {
                warnings.append(
                    "\(file): \(list.invalidLines.count) line(s) are not valid numbers and were ignored, "
                        + "the first at line \(first.line): \"\(first.text)\" (\(first.reason))"
                )
            }
        }
        if case .none = mapping.name {
            warnings.append("no name column (name, full_name, first_name + last_name): contacts have empty names")
        }

        let source = URL(fileURLWithPath: path).standardizedFileURL.path
        let rejectsPath = options.rejectsPath ?? defaultRejectsPath(campaign: options.campaign)
        let rejects = try RejectsFile(path: rejectsPath, source: source)
        let processor = RowProcessor(
            reader: reader,
            mapping: mapping,
            parser: parser,
            defaultRegion: region,
            suppressed: try await store.suppressedNumbers(),
            rejects: rejects,
            batchSize: options.batchSize
        )
        let importID = try await store.beginImport(intoCampaign: campaign.id, source: source, now: Date())

        var committed = ImportCounts()
        do {
            var batch = try processor.nextBatch()
            while !batch.isEmpty {
                var snapshot = processor.counts
                snapshot.imported = committed.imported
                snapshot.duplicates = committed.duplicates
                let store = self.store
                let contacts = batch
                let counts = snapshot
                async let inserting = store.commitImportBatch(
                    contacts,
                    intoCampaign: campaign.id,
                    importID: importID,
                    counts: counts
                )
                let next = Result { try processor.nextBatch() }
                let result = try await inserting
                committed = snapshot
                committed.imported += result.inserted
                committed.duplicates += result.duplicates
                progress(ImportProgress(bytesRead: reader.bytesConsumed, totalBytes: reader.fileSize, counts: committed))
                batch = try next.get()
            }
        } catch let error as CSVError {
            try? await store.endImportBatches()
            try rejects.commit()
            throw ContactImportError.stopped(by: error, counts: committed)
        } catch {
            try? await store.endImportBatches()
            rejects.discard()
            throw error
        }
        var final = processor.counts
        final.imported = committed.imported
        final.duplicates = committed.duplicates
        try await store.finishImport(importID, counts: final, now: Date())
        let writtenRejects = try rejects.commit()
        progress(ImportProgress(bytesRead: reader.bytesConsumed, totalBytes: reader.fileSize, counts: final))

        return ImportSummary(
            campaign: try await store.campaign(id: campaign.id) ?? campaign,
            counts: final,
            rejectedByReason: processor.rejectedByReason.map { (reason: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason },
            rejectsPath: writtenRejects,
            columns: mapping,
            delimiter: Character(Unicode.Scalar(reader.delimiter)),
            doNotCall: doNotCall,
            warnings: warnings
        )
    }
}
