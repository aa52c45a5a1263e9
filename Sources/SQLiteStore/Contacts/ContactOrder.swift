import CampaignStore
/// The order in which a batch of contacts is written: by number, as the unique (campaign, number)
/// index stores them, and by position among equal numbers, so the first row of a number keeps it.
enum ContactOrder {
    /// The positions of `contacts` sorted by number (SQLite's binary order of the text), then by
    /// position.
    static func byNumber(_ contacts: [NewContact]) -> [Int] {
        // Sorts 16-byte keys rather than comparing `String`s: an E.164 number is at most 15 digits,
        // which fit 4 bits each in a `UInt64` with the order of their text.
        var keys = [Key]()
        keys.reserveCapacity(contacts.count)
        for (position, contact) in contacts.enumerated() {
            keys.append(Key(number: packedNumber(contact.phoneE164), position: position))
        }
        keys.sort { $0.number != $1.number ? $0.number < $1.number : $0.position < $1.position }
        return keys.map(\.position)
    }

    private struct Key {
        var number: UInt64
        var position: Int
    }

    /// `+` and up to 15 digits as 4-bit digit values plus one, left-aligned, so that the integers
    /// compare as the texts do (a prefix before its extensions); anything else (which the schema
    /// rejects anyway) sorts last.
    static func packedNumber(_ e164: String) -> UInt64 {
        var packed: UInt64 = 0
        var digits = 0
        var utf8 = e164.utf8.makeIterator()
        guard utf8.next() == UInt8(ascii: "+") else { return .max }
        while let byte = utf8.next() {
            guard digits < 15, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return .max }
            packed = packed << 4 | UInt64(byte - UInt8(ascii: "0") + 1)
            digits += 1
        }
        return packed << (4 * UInt64(15 - digits))
    }
}
