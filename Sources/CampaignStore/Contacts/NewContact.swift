/// A contact to insert: what an import produces for each valid CSV row.
public struct NewContact: Sendable, Hashable {
    /// The physical line of the CSV file where the record starts.
    public var rowNumber: Int
    /// The display name.
    public var name: String
    /// The number in E.164.
    public var phoneE164: String
    /// The ISO 3166 region of the number, when known.
    public var region: String?
    /// The IANA time zone, when known.
    public var timeZone: String?
    /// Every other column.
    public var variables: ContactVariables

    /// Creates a contact to insert.
    public init(
        rowNumber: Int,
        name: String,
        phoneE164: String,
        region: String? = nil,
        timeZone: String? = nil,
        variables: ContactVariables = .empty
    ) {
        self.rowNumber = rowNumber
        self.name = name
        self.phoneE164 = phoneE164
        self.region = region
        self.timeZone = timeZone
        self.variables = variables
    }
}
