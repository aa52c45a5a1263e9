import ContactImport

/// The answer to `POST /api/v1/campaigns`: the campaign and what the import did.
struct ImportResult: Codable, Sendable {
    struct Counts: Codable, Sendable {
        var rows: Int
        var imported: Int
        var rejected: Int
        var duplicates: Int
        var suppressed: Int
    }

    struct Rejection: Codable, Sendable {
        var reason: String
        var count: Int
    }

    var campaign: CampaignView
    var counts: Counts
    var rejectedByReason: [Rejection]
    /// Where the rejected rows can be downloaded, when there are any.
    var rejectsURL: String?
    var phoneColumn: String
    var nameColumn: String
    var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case campaign, counts
        case rejectedByReason = "rejected_by_reason"
        case rejectsURL = "rejects_url"
        case phoneColumn = "phone_column"
        case nameColumn = "name_column"
        case warnings
    }
}
