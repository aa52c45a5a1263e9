/// What a pre-dial check decided for one attempt.
public struct PredialDecision: Sendable, Hashable {
    /// Call or not.
    public enum Action: String, Sendable, Hashable {
        /// Call the contact.
        case dial
        /// Do not call the contact; it ends as skipped.
        case skip
    }

    /// Call or not.
    public var action: Action
    /// The server's reason for a `{"eligible": false}` answer.
    public var reason: String?
    /// What went wrong when there was no usable answer, and the failure policy decided.
    public var error: String?

    /// Creates a decision.
    /// - Parameters:
    ///   - action: Call or not.
    ///   - reason: The server's reason for not calling.
    ///   - error: What went wrong, when the policy decided.
    public init(action: Action, reason: String? = nil, error: String? = nil) {
        self.action = action
        self.reason = reason
        self.error = error
    }

    /// The decision in words, for the contact's record: `skipped by the pre-dial check: opted out`.
    public var summary: String {
        if let error {
            return "the pre-dial check failed (\(error)), so the contact was "
                + (action == .dial ? "dialed anyway" : "skipped")
        }
        return action == .dial
            ? "the pre-dial check allowed the call" : "skipped by the pre-dial check: \(reason ?? "not eligible")"
    }
}
