import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why one recording did not arrive, in words that say what to do.
struct RecordingFailure: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    let description: String

    /// The file system refused a write, a flush or a rename (a full disk, no permission).
    static func file(_ path: String, errno code: Int32) -> RecordingFailure {
        let reason = String(cString: strerror(code))
        let advice = code == ENOSPC || code == EDQUOT ? "; free some space, then run the command again" : ""
        return RecordingFailure(description: "\(reason) (\(path))\(advice)")
    }

    /// The stream ended or failed before the whole recording arrived.
    static func brokeOff(received: Int64, expected: Int64?, reason: String?) -> RecordingFailure {
        let of = expected.map { " of \($0)" } ?? ""
        let why = reason.map { ": \($0)" } ?? ""
        return RecordingFailure(
            description: "the recording broke off after \(received)\(of) bytes\(why); run the command again to fetch it"
        )
    }
}
