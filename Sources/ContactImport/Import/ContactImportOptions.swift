/// What to import into: the campaign, its agent, and how to read the file.
public struct ContactImportOptions: Sendable, Hashable {
    /// The campaign to import into; created when it does not exist.
    public var campaign: String
    /// The Vaani agent of the campaign; must match an existing campaign's agent.
    public var agentID: String
    /// The region (ISO 3166, for example `IN`) in which numbers without a country code are read.
    public var defaultRegion: String?
    /// The phone column's header, instead of detecting it.
    public var phoneColumn: String?
    /// The name column's header, instead of detecting it.
    public var nameColumn: String?
    /// A file of numbers never to call; they join the global suppression list.
    public var doNotCallFile: String?
    /// Where the rejects CSV goes; by default `<database directory>/<campaign>-rejects.csv`.
    public var rejectsPath: String?
    /// Bounds on the CSV's fields and records.
    public var limits: CSVLimits
    /// Contacts per transaction.
    ///
    /// Each commit writes back every index page its batch touched, and with numbers in random order
    /// a batch touches most of the unique (campaign, number) index; larger batches write it fewer
    /// times. Importing 3M random-order rows took 88.9 s in 20k-row batches with a 32 MB page cache
    /// and 69.6 s in 50k-row batches with 8 MB (same run, peak RSS 90 MB and 86 MB: the batches in
    /// flight and the cache share the importer's 100 MB bound).
    public var batchSize: Int

    /// Creates options; only the campaign and agent are required.
    ///
    /// - Parameters:
    ///   - campaign: The campaign name.
    ///   - agentID: The Vaani agent.
    ///   - defaultRegion: Region for national numbers (default none: every number needs a country code).
    ///   - phoneColumn: Phone column override.
    ///   - nameColumn: Name column override.
    ///   - doNotCallFile: Do-not-call file.
    ///   - rejectsPath: Rejects CSV path override.
    ///   - limits: CSV limits.
    ///   - batchSize: Contacts per transaction (default 50,000).
    public init(
        campaign: String,
        agentID: String,
        defaultRegion: String? = nil,
        phoneColumn: String? = nil,
        nameColumn: String? = nil,
        doNotCallFile: String? = nil,
        rejectsPath: String? = nil,
        limits: CSVLimits = CSVLimits(),
        batchSize: Int = 50_000
    ) {
        self.campaign = campaign
        self.agentID = agentID
        self.defaultRegion = defaultRegion
        self.phoneColumn = phoneColumn
        self.nameColumn = nameColumn
        self.doNotCallFile = doNotCallFile
        self.rejectsPath = rejectsPath
        self.limits = limits
        self.batchSize = batchSize
    }
}
