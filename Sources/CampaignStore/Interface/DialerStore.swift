/// Everything the dialer keeps: campaigns, contacts, attempts, leases, the do-not-call list, imports
/// and learned rate limits. The engine, the importer, the reports and the command line talk to this
/// interface and cannot tell which store is behind it.
///
/// Every method is one transaction. Implementations: `CampaignDatabase` (SQLite, the embedded default).
public protocol DialerStore:
    CampaignCatalog, CampaignLeases, SuppressionList, ContactImportStore, RateLimitMemory, ReportSource,
    WebhookOutbox
{
    /// Where the store lives, as users name it in messages: a file path or a database URL without its
    /// password.
    var location: String { get }

    /// The journal of one campaign, through which the engine reads due contacts and writes what
    /// happened to them.
    func journal(ofCampaign campaignID: Int64) -> any DispatchJournal

    /// The store error for a failure of one of this store's operations (a `CampaignStoreError` as it
    /// is, the database driver's error translated into a sentence that says what to do), or `nil` when
    /// `error` did not come from the store.
    func storeError(for error: any Error) -> CampaignStoreError?
}
