/// A contact with its latest attempt, as the CSV and HTML reports list it.
public struct ContactReportRow: Sendable, Hashable {
    /// The contact's id.
    public var contactID: Int64
    /// Its line in the imported CSV.
    public var rowNumber: Int64
    /// Its name.
    public var name: String
    /// Its E.164 number.
    public var phoneE164: String
    /// Its stored status, as stored (a report refuses a value it does not know).
    public var statusText: String
    /// Attempts used.
    public var attempts: Int64
    /// The latest attempt's call id.
    public var callID: String?
    /// The latest attempt's last known call status.
    public var callStatus: String?
    /// The latest attempt's duration.
    public var durationMilliseconds: Int64?
    /// The latest attempt's disposition.
    public var disposition: String?
    /// The latest attempt's summary.
    public var summary: String?
    /// The contact's last error, else the latest attempt's.
    public var error: String?
    /// The contact's template variables as stored JSON.
    public var variablesJSON: String

    /// Creates a row.
    public init(
        contactID: Int64,
        rowNumber: Int64,
        name: String,
        phoneE164: String,
        statusText: String,
        attempts: Int64,
        callID: String? = nil,
        callStatus: String? = nil,
        durationMilliseconds: Int64? = nil,
        disposition: String? = nil,
        summary: String? = nil,
        error: String? = nil,
        variablesJSON: String = "{}"
    ) {
        self.contactID = contactID
        self.rowNumber = rowNumber
        self.name = name
        self.phoneE164 = phoneE164
        self.statusText = statusText
        self.attempts = attempts
        self.callID = callID
        self.callStatus = callStatus
        self.durationMilliseconds = durationMilliseconds
        self.disposition = disposition
        self.summary = summary
        self.error = error
        self.variablesJSON = variablesJSON
    }
}
