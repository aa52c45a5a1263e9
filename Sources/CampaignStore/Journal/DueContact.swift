public import Foundation

/// A contact as the engine dials it.
public struct DueContact: Sendable, Hashable {
    /// The contact's row id.
    public var id: Int64
    /// The display name.
    public var name: String
    /// The E.164 number.
    public var phoneNumber: String
    /// The contact's IANA time zone, when known.
    public var timeZone: String?
    /// Template variables.
    public var variables: [String: String]
    /// The stored status.
    public var status: ContactStatus
    /// Attempts used so far.
    public var attempts: Int
    /// When a waiting contact is due.
    public var nextAttemptAt: Date?
    /// Whether the number is on a do-not-call list now.
    public var isSuppressed: Bool

    /// Creates a contact.
    public init(
        id: Int64,
        name: String,
        phoneNumber: String,
        timeZone: String? = nil,
        variables: [String: String] = [:],
        status: ContactStatus = .pending,
        attempts: Int = 0,
        nextAttemptAt: Date? = nil,
        isSuppressed: Bool = false
    ) {
        self.id = id
        self.name = name
        self.phoneNumber = phoneNumber
        self.timeZone = timeZone
        self.variables = variables
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.isSuppressed = isSuppressed
    }
}
