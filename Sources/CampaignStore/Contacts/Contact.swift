public import Foundation

/// One person to call in one campaign. A row of `contacts`.
public struct Contact: Sendable, Hashable, Identifiable {
    /// The row id.
    public var id: Int64
    /// The campaign it belongs to.
    public var campaignID: Int64
    /// The physical line of the CSV file where the contact's record starts.
    public var rowNumber: Int
    /// The display name sent to the API.
    public var name: String
    /// The number in E.164, unique within the campaign.
    public var phoneE164: String
    /// The ISO 3166 region of the number, when known.
    public var region: String?
    /// The IANA time zone for calling hours: from the CSV, else the number's only zone, else `nil`.
    public var timeZone: String?
    /// Every other CSV column.
    public var variables: ContactVariables
    /// Where the contact is in its life.
    public var status: ContactStatus
    /// Calls attempted so far.
    public var attempts: Int
    /// When the next attempt is due (for `retry_wait`).
    public var nextAttemptAt: Date?
    /// Why the last attempt did not succeed, in words.
    public var lastError: String?

    /// Creates a value with every field.
    public init(
        id: Int64,
        campaignID: Int64,
        rowNumber: Int,
        name: String,
        phoneE164: String,
        region: String? = nil,
        timeZone: String? = nil,
        variables: ContactVariables,
        status: ContactStatus,
        attempts: Int,
        nextAttemptAt: Date? = nil,
        lastError: String? = nil
    ) {
        self.id = id
        self.campaignID = campaignID
        self.rowNumber = rowNumber
        self.name = name
        self.phoneE164 = phoneE164
        self.region = region
        self.timeZone = timeZone
        self.variables = variables
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
    }
}
