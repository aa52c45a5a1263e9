import VaaniOpenAPI

/// A call's transcript: plain text, or a list of utterances, whichever the server sends.
public enum Transcript: Sendable, Hashable {
    /// The transcript as one text.
    case text(String)
    /// The transcript as turns of speech.
    case utterances([Utterance])

    /// The transcript as text; utterances become `speaker: text` lines.
    public var text: String {
        switch self {
        case .text(let text):
            return text
        case .utterances(let utterances):
            return utterances.map { utterance in
                let speaker = utterance.speaker ?? utterance.role
                return speaker.map { "\($0): " + (utterance.text ?? "") } ?? (utterance.text ?? "")
            }
            .joined(separator: "\n")
        }
    }

    init(_ generated: Components.Schemas.TranscriptContent) {
        switch generated {
        case .case1(let text): self = .text(text)
        case .case2(let utterances): self = .utterances(utterances.map(Utterance.init))
        }
    }
}

/// One turn of speech in a ``Transcript``.
public struct Utterance: Sendable, Hashable {
    /// Who spoke, e.g. `agent` or `user`.
    public var speaker: String?
    /// The speaker's role, where the server sends it instead of `speaker`.
    public var role: String?
    /// What was said.
    public var text: String?
    /// When the turn started, in milliseconds from the call's start.
    public var startMilliseconds: Int?
    /// When the turn ended, in milliseconds from the call's start.
    public var endMilliseconds: Int?
    /// Every other field of the utterance.
    public var extra: JSONObject

    init(_ generated: Components.Schemas.Utterance) {
        speaker = generated.speaker
        role = generated.role
        text = generated.text
        startMilliseconds = generated.startMs
        endMilliseconds = generated.endMs
        extra = generated.additionalProperties.jsonObject
    }
}

/// The answer of ``CallsAPI/transcript(callID:)``.
public struct CallTranscript: Sendable, Hashable {
    /// The call's id, when the server repeats it.
    public var callID: String?
    /// The transcript; `nil` while the call has none yet.
    public var transcript: Transcript?
    /// Every other field of the answer.
    public var extra: JSONObject

    init(_ generated: Components.Schemas.TranscriptResponse) {
        callID = generated.callId
        transcript = generated.transcript.map(Transcript.init)
        extra = generated.additionalProperties.jsonObject
    }
}
