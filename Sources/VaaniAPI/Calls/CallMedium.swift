/// How a call is carried.
public enum CallMedium: String, Sendable, Hashable, CaseIterable {
    /// A phone call to a number (the default).
    case telephony
    /// A browser call over WebRTC; the answer carries LiveKit connection details.
    case webRTC = "webrtc"
}

/// The voice gender of a WebRTC call's agent.
public enum VoiceGender: String, Sendable, Hashable, CaseIterable {
    /// A male voice.
    case male
    /// A female voice.
    case female
}
