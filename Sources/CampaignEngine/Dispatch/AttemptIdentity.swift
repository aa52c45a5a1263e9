import CampaignStore
public import Foundation

/// The id of an attempt — also its `Idempotency-Key` and `metadata.attempt_id` — derived from the campaign,
/// the contact and the attempt's number rather than drawn at random.
///
/// An attempt that placed nothing (a refused connection, a 429, a 402, or an ambiguous answer that the
/// history showed placed nothing) gives its number back, so the contact's next try carries the same id.
/// Should the first request still reach the API late — a server slowed down, a request held in a socket
/// buffer when the process was killed — an API that honours `Idempotency-Key` answers both with one call
/// instead of placing a second.
public enum AttemptIdentity {
    /// The attempt id.
    /// - Parameters:
    ///   - campaign: What identifies the campaign for good (``DispatchJournal/attemptNamespace()``).
    ///   - contactID: The contact.
    ///   - number: The attempt's number, 1 for the first call.
    public static func id(campaign: String, contactID: Int64, number: Int) -> UUID {
        // FNV-1a over the text, twice with different offsets, for 128 bits. Swift's `Hasher` is seeded per
        // process, and the id must be the same in every process that resumes the campaign.
        let text = Array("\(campaign)|\(contactID)|\(number)".utf8)
        let high = fnv1a(text, offset: 0xcbf2_9ce4_8422_2325)
        let low = fnv1a(text, offset: 0x6c62_272e_07bb_0142)
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * index))
            bytes[8 + index] = UInt8(truncatingIfNeeded: low >> (56 - 8 * index))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8: custom
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
    }

    private static func fnv1a(_ bytes: [UInt8], offset: UInt64) -> UInt64 {
        var hash = offset
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        // A final avalanche so that ids of neighbouring contacts differ in every byte.
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }
}
