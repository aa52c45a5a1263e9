public import Foundation

/// One call the engine asks the API to place.
public struct CallRequest: Sendable, Hashable {
    /// The attempt's id: sent as `Idempotency-Key` and as `metadata.attempt_id`.
    public var attemptID: UUID
    /// The agent that makes the call.
    public var agentID: String
    /// The number to call, E.164.
    public var contactNumber: String
    /// The contact's display name.
    public var name: String
    /// Template variables for the agent's prompt (the contact's own columns).
    public var variables: [String: String]
    /// The caller ID, when the campaign sets one.
    public var outboundNumber: String?
    /// Whether the API should only simulate the call.
    public var testMode: Bool

    /// Creates a request.
    /// - Parameters:
    ///   - attemptID: The attempt id.
    ///   - agentID: The agent.
    ///   - contactNumber: The E.164 number.
    ///   - name: The display name.
    ///   - variables: Template variables.
    ///   - outboundNumber: The caller ID.
    ///   - testMode: Simulate only.
    public init(
        attemptID: UUID,
        agentID: String,
        contactNumber: String,
        name: String,
        variables: [String: String] = [:],
        outboundNumber: String? = nil,
        testMode: Bool = false
    ) {
        self.attemptID = attemptID
        self.agentID = agentID
        self.contactNumber = contactNumber
        self.name = name
        self.variables = variables
        self.outboundNumber = outboundNumber
        self.testMode = testMode
    }

    /// The metadata sent with the call: the contact's variables plus `attempt_id`.
    public var metadata: [String: String] {
        var metadata = variables
        metadata["attempt_id"] = attemptID.uuidString.lowercased()
        return metadata
    }
}
