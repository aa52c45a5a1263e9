/// libphonenumber's number prefix to time zone map, loaded once from ``TimeZoneData``.
struct TimeZoneMap: Sendable {
    /// The map of this build.
    static let shared = TimeZoneMap(zones: TimeZoneData.zones, prefixes: TimeZoneData.prefixes)

    /// ``key(_:)`` of a prefix (E.164 digits without `+`) to zone identifiers.
    private let zonesByPrefix: [UInt64: [String]]
    /// The longest prefix in the map.
    let longestPrefix: Int

    init(zones: String, prefixes: String) {
        let names = zones.split(separator: "\n").map(String.init)
        var map: [UInt64: [String]] = [:]
        var longest = 0
        for entry in prefixes.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let colon = entry.firstIndex(of: ":"), let key = Self.key(entry[..<colon].utf8) else { continue }
            let ids = entry[entry.index(after: colon)...].split(separator: ",").compactMap { Int($0) }
            map[key] = ids.compactMap { names.indices.contains($0) ? names[$0] : nil }
            longest = max(longest, entry.distance(from: entry.startIndex, to: colon))
        }
        zonesByPrefix = map
        longestPrefix = longest
    }

    /// A prefix's digits and length packed into one integer (leading zeros stay distinct), so a
    /// lookup hashes one word instead of a string.
    static func key(_ digits: some Collection<UInt8>) -> UInt64? {
        guard digits.count <= 18 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + UInt64(digit)
        }
        return value << 5 | UInt64(digits.count)
    }

    /// The zones of the longest prefix of `digits` (ASCII digits) in the map, or empty.
    func zones(forLongestPrefixOf digits: some Collection<UInt8>) -> [String] {
        var found: [String] = []
        var value: UInt64 = 0
        var length = 0
        for byte in digits.prefix(longestPrefix) {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            value = value * 10 + UInt64(digit)
            length += 1
            if let zones = zonesByPrefix[value << 5 | UInt64(length)] { found = zones }
        }
        return found
    }

    /// The zones of exactly this prefix, or empty.
    func zones(forPrefix prefix: String) -> [String] {
        Self.key(prefix.utf8).flatMap { zonesByPrefix[$0] } ?? []
    }
}
