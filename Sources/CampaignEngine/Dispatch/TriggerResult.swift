/// What a trigger task saw.
enum TriggerResult: Sendable, Hashable {
    /// The API placed the call.
    case accepted(callID: String)
    /// The request failed, classified.
    case failed(TriggerFailure)
    /// The campaign began stopping while the task waited for its send slot; nothing was sent.
    case withdrawn
}
