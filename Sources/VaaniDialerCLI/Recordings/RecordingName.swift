import CampaignStore

/// The file name of a campaign call's recording: `<row>-<number masked>-<call id>.wav`, e.g.
/// `12-91xxxxxx3210-c0ffee.wav`. Only ASCII letters, digits, `-`, `_` and `.` appear, the masked digits
/// as `x`, so the name is valid and unambiguous on every file system (no `+`, `*`, `:` or `/`), and
/// it never starts with a dot.
enum RecordingName {
    /// The longest call id kept in a name; file systems allow 255 bytes per name.
    static let maximumCallIDLength = 100

    /// The name of `call`'s recording.
    static func of(_ call: CampaignCall) -> String {
        let masked = PhoneNumberMask().mask(call.phoneE164)
        let number = String(masked.unicodeScalars.compactMap { scalar -> Character? in
            switch scalar {
            case "0"..."9": Character(scalar)
            case "*": "x"
            default: nil
            }
        })
        return "\(call.rowNumber)-\(number)-\(safe(call.callID)).wav"
    }

    /// `text` with every character outside `A-Za-z0-9-_.` replaced by `_`, cut to
    /// ``maximumCallIDLength``.
    static func safe(_ text: String) -> String {
        let kept = text.unicodeScalars.prefix(maximumCallIDLength).map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": Character(scalar)
            default: "_"
            }
        }
        return String(kept)
    }
}
