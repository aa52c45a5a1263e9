/// Which contacts of a campaign to list, one page at a time: a search over name, number and summary,
/// a status filter, and the page.
public struct ContactQuery: Sendable, Hashable {
    /// Text every listed contact's name, number or latest summary contains (case-insensitive); empty
    /// lists everyone.
    public var search: String
    /// The stored status every listed contact has (`completed`, `no_answer`, …); `nil` for any.
    public var status: String?
    /// The 1-based page.
    public var page: Int
    /// Contacts per page.
    public var perPage: Int

    /// The most contacts a page may hold.
    public static let maximumPerPage = 500

    /// Creates a query.
    /// - Parameters:
    ///   - search: Text to look for (default none).
    ///   - status: A stored status to keep (default any).
    ///   - page: The 1-based page (default 1).
    ///   - perPage: Contacts per page, at most ``maximumPerPage`` (default 50).
    public init(search: String = "", status: String? = nil, page: Int = 1, perPage: Int = 50) {
        self.search = search
        self.status = status
        self.page = max(1, page)
        self.perPage = min(max(1, perPage), Self.maximumPerPage)
    }

    /// Whether `row` is listed.
    func matches(_ row: ContactRowFields) -> Bool {
        if let status, row.status != status { return false }
        if search.isEmpty { return true }
        let needle = search.lowercased()
        if row.name.lowercased().contains(needle) { return true }
        // A number is found however it is typed: "+91 98100-00001" finds +919810000001.
        let digits = needle.filter(\.isNumber)
        let looksLikeNumber = digits.count >= 3 && needle.allSatisfy { $0.isNumber || " +-().".contains($0) }
        if looksLikeNumber, row.phone.filter(\.isNumber).contains(digits) { return true }
        return row.summary?.lowercased().contains(needle) ?? false
    }
}

/// The fields of a contact a query looks at.
struct ContactRowFields {
    var name: String
    var phone: String
    var status: String
    var summary: String?
}
