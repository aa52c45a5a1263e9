import Foundation
import VaaniAPI

extension CallRecord {
    /// The record as one JSON object with the API's field names; the contact number masked unless
    /// `fullNumbers`.
    func json(fullNumbers: Bool) -> JSONValue {
        let transcriptValue: JSONValue? = transcript.map { transcript in
            switch transcript {
            case .text(let text):
                return .string(text)
            case .utterances(let utterances):
                return .array(utterances.map { utterance in
                    JSONOutput.object(
                        [
                            "speaker": utterance.speaker.map(JSONValue.string), "role": utterance.role.map(JSONValue.string),
                            "text": utterance.text.map(JSONValue.string), "start_ms": utterance.startMilliseconds.map(JSONValue.int),
                            "end_ms": utterance.endMilliseconds.map(JSONValue.int),
                        ],
                        extra: utterance.extra
                    )
                })
            }
        }
        return JSONOutput.object(
            [
                "call_id": .string(callID),
                "call_status": status.map { .string($0.rawValue) },
                "duration_ms": durationMilliseconds.map(JSONValue.int),
                "contact_number": contactNumber.map { .string(Self.shown($0, fullNumbers: fullNumbers)) },
                "name": name.map(JSONValue.string),
                "agent_id": agentID.map(JSONValue.string),
                "agent_name": agentName.map(JSONValue.string),
                "metadata": metadata.map(JSONValue.object),
                "created_at": createdAt.map(JSONValue.string),
                "ended_at": endedAt.map(JSONValue.string),
                "transcript": transcriptValue,
                "summary": summary.map(JSONValue.string),
                "entity": entity,
                "call_eval_tag": callEvalTag.map(JSONValue.string),
                "cost": cost.map(JSONValue.double),
            ],
            extra: extra
        )
    }

    /// The details and transcript for a terminal: one `label: value` line per known field, then the
    /// transcript one utterance per line.
    func detailsText(fullNumbers: Bool) -> String {
        var lines: [String] = []
        func add(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append(label.padding(toLength: 12, withPad: " ", startingAt: 0) + value)
        }
        add("call", callID)
        add("status", status.map { Self.statusWords($0) })
        add("contact", [name, contactNumber.map { Self.shown($0, fullNumbers: fullNumbers) }].compactMap { $0 }.joined(separator: " "))
        add("agent", agentName ?? agentID)
        add("created", createdAt)
        add("ended", endedAt)
        add("duration", durationMilliseconds.map { Self.durationText(milliseconds: $0) })
        add("disposition", callEvalTag)
        add("cost", cost.map { String(format: "%.4f", $0) })
        add("summary", summary)
        if let entity, entity != .null, entity != .object([:]) {
            add("entities", entityText(entity))
        }
        if let metadata, !metadata.isEmpty {
            add("variables", metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.plain($0.value))" }.joined(separator: ", "))
        }
        if let transcript {
            let text = transcript.text
            if !text.isEmpty {
                lines.append("transcript")
                lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `key: value` pairs of an entity object, or the value as JSON-like text.
    private func entityText(_ entity: JSONValue) -> String {
        guard let object = entity.objectValue else { return entity.description }
        return object.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.plain($0.value))" }.joined(separator: ", ")
    }

    /// A value without quotes around strings.
    static func plain(_ value: JSONValue) -> String {
        value.stringValue ?? value.description
    }

    /// `in progress` for `in_progress`.
    static func statusWords(_ status: CallStatus) -> String {
        status.rawValue.replacingOccurrences(of: "_", with: " ")
    }

    /// `2m 05s`, or `42s`.
    static func durationText(milliseconds: Int) -> String {
        let seconds = (milliseconds + 500) / 1000
        return seconds >= 60 ? "\(seconds / 60)m \(String(format: "%02d", seconds % 60))s" : "\(seconds)s"
    }

    /// The number as shown: masked (`+91******3210`) unless `fullNumbers`.
    static func shown(_ number: String, fullNumbers: Bool) -> String {
        fullNumbers ? number : PhoneNumberMask().mask(number)
    }
}
