import Foundation

/// One page of a campaign's contacts, with how many match the query in all.
public struct ContactPage: Sendable, Hashable, Codable {
    /// A contact as the contacts table shows it: its latest attempt's status and summary.
    public struct Row: Sendable, Hashable, Codable {
        /// The contact's id.
        public var id: Int64
        /// Its line in the imported CSV.
        public var rowNumber: Int64
        /// Its name.
        public var name: String
        /// Its E.164 number.
        public var phone: String
        /// Its stored status.
        public var status: String
        /// Attempts used.
        public var attempts: Int64
        /// The latest call's last known status.
        public var callStatus: String?
        /// The latest call's duration in seconds.
        public var durationSeconds: Double?
        /// The latest call's disposition.
        public var disposition: String?
        /// The latest call's summary.
        public var summary: String?
        /// The last error.
        public var error: String?

        enum CodingKeys: String, CodingKey {
            case id
            case rowNumber = "row_number"
            case name, phone, status, attempts
            case callStatus = "call_status"
            case durationSeconds = "duration_seconds"
            case disposition, summary, error
        }
    }

    /// The rows of the page.
    public var contacts: [Row]
    /// The page number.
    public var page: Int
    /// Contacts per page.
    public var perPage: Int
    /// Contacts that match the query in all.
    public var total: Int

    /// The number of pages (at least 1).
    public var pages: Int { max(1, (total + perPage - 1) / perPage) }

    /// Creates a page.
    public init(contacts: [Row], page: Int, perPage: Int, total: Int) {
        self.contacts = contacts
        self.page = page
        self.perPage = perPage
        self.total = total
    }

    enum CodingKeys: String, CodingKey {
        case contacts, page
        case perPage = "per_page"
        case total, pages
    }

    /// Encodes every field and ``pages``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(contacts, forKey: .contacts)
        try container.encode(page, forKey: .page)
        try container.encode(perPage, forKey: .perPage)
        try container.encode(total, forKey: .total)
        try container.encode(pages, forKey: .pages)
    }

    /// Decodes a page (``pages`` is computed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        contacts = try container.decode([Row].self, forKey: .contacts)
        page = try container.decode(Int.self, forKey: .page)
        perPage = try container.decode(Int.self, forKey: .perPage)
        total = try container.decode(Int.self, forKey: .total)
    }
}
