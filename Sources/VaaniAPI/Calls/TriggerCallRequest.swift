import VaaniOpenAPI

/// A call to place with ``CallsAPI/trigger(_:idempotencyKey:)``: every field the API documents.
///
/// ```swift
/// var call = TriggerCallRequest(agentID: "collections-bot", contactNumber: "+919876543210", name: "Asha")
/// call.metadata = ["due_amount": 1200]
/// let webCall = TriggerCallRequest.webRTC(agentID: "support-bot", primaryLanguage: "en")
/// ```
public struct TriggerCallRequest: Sendable, Hashable {
    /// The agent's UUID or name.
    public var agentID: String
    /// Telephony (the default) or WebRTC.
    public var medium: CallMedium
    /// The number to call, E.164 (`+919876543210`); required for telephony.
    public var contactNumber: String?
    /// The contact's display name; required for telephony.
    public var name: String?
    /// A voice overriding the agent's default.
    public var voice: String?
    /// Template variables injected into the agent's prompt; sent as `{}` when empty.
    public var metadata: JSONObject
    /// A caller ID override (E.164) configured on the account.
    public var outboundNumber: String?
    /// The SIP trunk to call through.
    public var sipTrunkID: String?
    /// Simulate the call without placing it.
    public var testMode: Bool?
    /// Skip the Do-Not-Disturb registry check.
    public var dndCheckSkipped: Bool?
    /// Per-call overrides of the agent's configuration.
    public var modifyAgent: AgentOverrides?
    /// WebRTC: the agent's voice gender.
    public var voiceGender: VoiceGender?
    /// WebRTC: the primary language (the server's default is `hi`).
    public var primaryLanguage: String?
    /// WebRTC: the secondary language (the server's default is `en`).
    public var secondaryLanguage: String?
    /// WebRTC: the agent's first words.
    public var welcomeMessage: String?
    /// WebRTC: whether the welcome message can be interrupted (the server's default is `true`).
    public var welcomeInterruptible: Bool?
    /// WebRTC: whether background noise is mixed in.
    public var backgroundNoiseEnabled: Bool?
    /// WebRTC: the background noise volume, 0–100.
    public var backgroundNoiseVolume: Int?
    /// WebRTC: the speaking rate, 0.6–1.4.
    public var voiceSpeed: Double?

    /// A telephony call.
    /// - Parameters:
    ///   - agentID: The agent's UUID or name.
    ///   - contactNumber: The number to call, E.164.
    ///   - name: The contact's display name.
    ///   - voice: A voice overriding the agent's default.
    ///   - metadata: Template variables for the agent's prompt.
    ///   - outboundNumber: A caller ID override.
    ///   - sipTrunkID: The SIP trunk to call through.
    ///   - testMode: Simulate the call without placing it.
    ///   - dndCheckSkipped: Skip the Do-Not-Disturb registry check.
    ///   - modifyAgent: Per-call overrides of the agent's configuration.
    public init(
        agentID: String,
        contactNumber: String,
        name: String,
        voice: String? = nil,
        metadata: JSONObject = [:],
        outboundNumber: String? = nil,
        sipTrunkID: String? = nil,
        testMode: Bool? = nil,
        dndCheckSkipped: Bool? = nil,
        modifyAgent: AgentOverrides? = nil
    ) {
        self.agentID = agentID
        self.medium = .telephony
        self.contactNumber = contactNumber
        self.name = name
        self.voice = voice
        self.metadata = metadata
        self.outboundNumber = outboundNumber
        self.sipTrunkID = sipTrunkID
        self.testMode = testMode
        self.dndCheckSkipped = dndCheckSkipped
        self.modifyAgent = modifyAgent
    }

    /// A WebRTC call; its result carries ``TriggerCallResult/webRTC`` connection details.
    /// - Parameters:
    ///   - agentID: The agent's UUID or name.
    ///   - voice: A voice overriding the agent's default.
    ///   - voiceGender: The agent's voice gender.
    ///   - primaryLanguage: The primary language.
    ///   - secondaryLanguage: The secondary language.
    ///   - welcomeMessage: The agent's first words.
    ///   - welcomeInterruptible: Whether the welcome can be interrupted.
    ///   - backgroundNoiseEnabled: Whether background noise is mixed in.
    ///   - backgroundNoiseVolume: The background noise volume, 0–100.
    ///   - voiceSpeed: The speaking rate, 0.6–1.4.
    ///   - metadata: Template variables for the agent's prompt.
    ///   - modifyAgent: Per-call overrides of the agent's configuration.
    public static func webRTC(
        agentID: String,
        voice: String? = nil,
        voiceGender: VoiceGender? = nil,
        primaryLanguage: String? = nil,
        secondaryLanguage: String? = nil,
        welcomeMessage: String? = nil,
        welcomeInterruptible: Bool? = nil,
        backgroundNoiseEnabled: Bool? = nil,
        backgroundNoiseVolume: Int? = nil,
        voiceSpeed: Double? = nil,
        metadata: JSONObject = [:],
        modifyAgent: AgentOverrides? = nil
    ) -> TriggerCallRequest {
        var request = TriggerCallRequest(agentID: agentID, medium: .webRTC, metadata: metadata)
        request.voice = voice
        request.voiceGender = voiceGender
        request.primaryLanguage = primaryLanguage
        request.secondaryLanguage = secondaryLanguage
        request.welcomeMessage = welcomeMessage
        request.welcomeInterruptible = welcomeInterruptible
        request.backgroundNoiseEnabled = backgroundNoiseEnabled
        request.backgroundNoiseVolume = backgroundNoiseVolume
        request.voiceSpeed = voiceSpeed
        request.modifyAgent = modifyAgent
        return request
    }

    /// A request with only the agent, the medium and the metadata set.
    private init(agentID: String, medium: CallMedium, metadata: JSONObject) {
        self.agentID = agentID
        self.medium = medium
        self.metadata = metadata
    }

    var generated: Components.Schemas.TriggerCallRequest {
        get throws {
            Components.Schemas.TriggerCallRequest(
                agentId: agentID,
                medium: medium == .webRTC ? .webrtc : .telephony,
                contactNumber: contactNumber,
                name: name,
                voice: voice,
                metadata: .init(additionalProperties: try .init(metadata)),
                outboundNumber: outboundNumber,
                sipTrunkId: sipTrunkID,
                testMode: testMode,
                dndCheckSkipped: dndCheckSkipped,
                modifyAgent: try modifyAgent?.generated,
                voiceGender: voiceGender.map { $0 == .male ? .male : .female },
                primaryLanguage: primaryLanguage,
                secondaryLanguage: secondaryLanguage,
                welcomeMessage: welcomeMessage,
                welcomeInterruptible: welcomeInterruptible,
                bgNoiseEnabled: backgroundNoiseEnabled,
                bgNoiseVolume: backgroundNoiseVolume,
                voiceSpeed: voiceSpeed
            )
        }
    }
}
