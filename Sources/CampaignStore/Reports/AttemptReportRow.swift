/// One attempt with its contact (or a contact never attempted, with no attempt), as the JSON Lines
/// report writes it. JSON values are compact, so none spans lines.
public struct AttemptReportRow: Sendable, Hashable {
    /// The contact's id.
    public var contactID: Int64
    /// Its line in the imported CSV.
    public var rowNumber: Int64?
    /// Its name.
    public var name: String?
    /// Its E.164 number.
    public var phoneE164: String?
    /// Its stored status, as stored.
    public var statusText: String
    /// Its region.
    public var region: String?
    /// Its IANA time zone.
    public var timeZone: String?
    /// Attempts used.
    public var attempts: Int64?
    /// Its last error.
    public var lastError: String?
    /// Its template variables as compact JSON.
    public var variablesJSON: String?
    /// The attempt's number, `nil` on a contact's line without attempts.
    public var attemptNumber: Int64?
    /// The attempt's id.
    public var attemptID: String?
    /// When the attempt started, epoch milliseconds.
    public var startedAt: Int64?
    /// When its request was sent, epoch milliseconds.
    public var requestSentAt: Int64?
    /// When it ended, epoch milliseconds.
    public var endedAt: Int64?
    /// The call id.
    public var callID: String?
    /// The engine's outcome word.
    public var outcome: String?
    /// The call's last known status.
    public var callStatus: String?
    /// The call's duration.
    public var durationMilliseconds: Int64?
    /// The API's summary.
    public var summary: String?
    /// The API's disposition.
    public var disposition: String?
    /// The API's entities as compact JSON.
    public var entityJSON: String?
    /// What the call cost.
    public var cost: Double?
    /// The transcript.
    public var transcript: String?
    /// Why the attempt failed.
    public var error: String?

    /// Creates a row of a contact; attempt fields are set afterwards.
    public init(contactID: Int64, statusText: String) {
        self.contactID = contactID
        self.statusText = statusText
    }
}
