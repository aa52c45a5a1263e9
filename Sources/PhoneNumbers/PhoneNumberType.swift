/// The kind of line a number belongs to, as libphonenumber's metadata classifies it.
public enum PhoneNumberType: String, Sendable, CaseIterable {
    /// A landline.
    case fixedLine
    /// A mobile number.
    case mobile
    /// A number the plan cannot tell apart as fixed or mobile (e.g. the US and Canada).
    case fixedLineOrMobile
    /// Free for the caller.
    case tollFree
    /// Charged at a premium rate.
    case premiumRate
    /// Cost shared between caller and recipient.
    case sharedCost
    /// A voice-over-IP number.
    case voip
    /// A personal number that forwards elsewhere.
    case personalNumber
    /// A pager.
    case pager
    /// A universal access number (a company's single number).
    case uan
    /// Direct voicemail access.
    case voicemail
}
