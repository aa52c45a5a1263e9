/// What a pre-dial check does when the user's server gives no usable answer (a timeout, an error
/// status, a connection failure, an answer that is not `{"eligible": …}`).
public enum PredialFailurePolicy: String, Sendable, Hashable, CaseIterable {
    /// Do not call the contact this time (the default): no answer is not a yes.
    case skip
    /// Call the contact anyway.
    case dial
}
