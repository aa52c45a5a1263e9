/// One placed call, kept compact: a million of them must fit well under a gigabyte. Everything
/// that changes over time (status, duration, transcript) is derived from these fields on read.
struct SimulatedCall: Sendable {
    /// The random half of the call id; the other half is the call's index (see ``CallID``).
    var tag: UInt64
    /// The E.164 number dialed.
    var contactNumber: String
    /// The contact's display name.
    var name: String
    /// Index of the agent in the ``AgentDirectory``.
    var agentIndex: Int32
    /// Nanoseconds after simulator start when the call was triggered.
    var createdAtNanos: Int64
    /// The call's phases and outcome.
    var schedule: CallSchedule
    /// The request's `metadata` as compact JSON text (much smaller than a decoded container).
    var metadataJSON: String
    /// The `Idempotency-Key` the trigger carried, if any.
    var idempotencyKey: String?
    /// Index of the API key that placed the call (its wallet was charged).
    var apiKeyIndex: UInt16
}

/// Call ids look like UUIDs and encode the call's index, so that finding a call needs no
/// dictionary: `TTTTTTTT-TTTT-TTTT-8000-IIIIIIIIIIII` with a 64-bit random tag `T` (seeded) and a
/// 48-bit index `I`. The tag makes ids unguessable across seeds and is checked on lookup.
enum CallID {
    static func make(tag: UInt64, index: Int) -> String {
        let t = hex(tag, width: 16)
        let i = hex(UInt64(index), width: 12)
        let tagChars = Array(t)
        return String(tagChars[0..<8]) + "-" + String(tagChars[8..<12]) + "-" + String(tagChars[12..<16])
            + "-8000-" + i
    }

    /// The tag and index encoded in an id, or nil when it is not one of ours.
    static func parse(_ id: String) -> (tag: UInt64, index: Int)? {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].count == 8, parts[1].count == 4, parts[2].count == 4, parts[3] == "8000",
            parts[4].count == 12, let tag = UInt64(parts[0] + parts[1] + parts[2], radix: 16),
            let index = Int(parts[4], radix: 16)
        else { return nil }
        return (tag, index)
    }

    static func hex(_ value: UInt64, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
