import VaaniOpenAPI

/// One page of the call history, newest call first.
public struct CallHistoryPage: Sendable, Hashable {
    /// The calls on this page.
    public var records: [CallRecord]
    /// The page number, 1-based.
    public var page: Int?
    /// The page size the server used.
    public var pageSize: Int?
    /// How many calls the history holds (`total`, or `total_count` on older servers).
    public var total: Int?
    /// How many pages the history has.
    public var totalPages: Int?
    /// Every other field of the answer.
    public var extra: JSONObject

    /// Whether a later page may hold more calls.
    public var hasMore: Bool {
        guard !records.isEmpty else { return false }
        if let page, let totalPages { return page < totalPages }
        if let total, let page, let pageSize { return page * pageSize < total }
        if let pageSize { return records.count >= pageSize }
        return true
    }

    init(_ generated: Components.Schemas.CallHistoryPage) {
        records = generated.data.map(CallRecord.init)
        page = generated.pagination?.page
        pageSize = generated.pagination?.pageSize
        total = generated.pagination?.total ?? generated.pagination?.totalCount
        totalPages = generated.pagination?.totalPages
        extra = generated.additionalProperties.jsonObject
    }
}
