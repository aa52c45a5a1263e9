/// A call of a campaign with the contact it called: what `recordings` downloads.
public struct CampaignCall: Sendable, Hashable {
    /// The contact's line in the imported CSV.
    public var rowNumber: Int
    /// The number called, E.164.
    public var phoneE164: String
    /// The API's call id.
    public var callID: String
    /// The call's duration.
    public var durationMilliseconds: Int?

    /// Creates a call.
    /// - Parameters:
    ///   - rowNumber: The contact's line in the imported CSV.
    ///   - phoneE164: The number called.
    ///   - callID: The API's call id.
    ///   - durationMilliseconds: The call's duration.
    public init(rowNumber: Int, phoneE164: String, callID: String, durationMilliseconds: Int? = nil) {
        self.rowNumber = rowNumber
        self.phoneE164 = phoneE164
        self.callID = callID
        self.durationMilliseconds = durationMilliseconds
    }
}
