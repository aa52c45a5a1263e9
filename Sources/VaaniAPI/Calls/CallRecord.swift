public import Foundation
import VaaniOpenAPI

/// One call, as the call history and ``CallsAPI/details(callID:)`` describe it.
public struct CallRecord: Sendable, Hashable, Identifiable {
    /// The call's id.
    public var callID: String
    /// The call's status; `nil` if the server sent none.
    public var status: CallStatus?
    /// How long the call lasted, in milliseconds.
    public var durationMilliseconds: Int?
    /// The number called.
    public var contactNumber: String?
    /// The contact's name.
    public var name: String?
    /// The agent's id.
    public var agentID: String?
    /// The agent's name.
    public var agentName: String?
    /// The metadata sent with the trigger.
    public var metadata: JSONObject?
    /// When the call was created, as the server wrote it (ISO 8601).
    public var createdAt: String?
    /// When the call ended, as the server wrote it (ISO 8601).
    public var endedAt: String?
    /// The transcript, once the call is completed.
    public var transcript: Transcript?
    /// The conversation's summary.
    public var summary: String?
    /// Entities extracted from the conversation, usually an object.
    public var entity: JSONValue?
    /// The evaluation tag of the call.
    public var callEvalTag: String?
    /// What the call cost.
    public var cost: Double?
    /// Every other field of the record.
    public var extra: JSONObject

    /// The call's id, for `Identifiable`.
    public var id: String { callID }
    /// How long the call lasted.
    public var duration: Duration? { durationMilliseconds.map { .milliseconds($0) } }
    /// ``createdAt`` as a date, if it is ISO 8601.
    public var createdDate: Date? { createdAt.flatMap(Self.parseISO8601) }
    /// ``endedAt`` as a date, if it is ISO 8601.
    public var endedDate: Date? { endedAt.flatMap(Self.parseISO8601) }

    /// A record with only an id and a status, every other field empty: for code that builds records
    /// itself, such as tests of what follows a call.
    ///
    /// ```swift
    /// let record = CallRecord(callID: "c1", status: .ringing)
    /// ```
    /// - Parameters:
    ///   - callID: The call's id.
    ///   - status: The call's status.
    public init(callID: String, status: CallStatus? = nil) {
        self.callID = callID
        self.status = status
        self.extra = [:]
    }

    init(_ generated: Components.Schemas.CallRecord) {
        callID = generated.callId
        status = generated.callStatus.map(CallStatus.init(rawValue:))
        durationMilliseconds = generated.durationMs
        contactNumber = generated.contactNumber
        name = generated.name
        agentID = generated.agentId
        agentName = generated.agentName
        metadata = generated.metadata?.additionalProperties.jsonObject
        createdAt = generated.createdAt
        endedAt = generated.endedAt
        transcript = generated.transcript.map(Transcript.init)
        summary = generated.summary
        entity = JSONValue(generated.entity)
        callEvalTag = generated.callEvalTag
        cost = generated.cost
        extra = generated.additionalProperties.jsonObject
    }

    private static func parseISO8601(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}
