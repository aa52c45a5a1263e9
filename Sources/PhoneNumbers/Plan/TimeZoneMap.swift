/// libphonenumber's number prefix to time zone map, loaded once from ``TimeZoneData``.
struct TimeZoneMap: Sendable {
    /// The map of this build.
    static let shared = TimeZoneMap(zones: TimeZoneData.zones, prefixes: TimeZoneData.prefixes)

    /// Prefix (E.164 digits without `+`) to zone identifiers.
    private let zonesByPrefix: [String: [String]]
    /// The longest prefix in the map.
    let longestPrefix: Int

    init(zones: String, prefixes: String) {
        let names = zones.split(separator: "\n").map(String.init)
        var map: [String: [String]] = [:]
        var longest = 0
        for entry in prefixes.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let colon = entry.firstIndex(of: ":") else { continue }
            let prefix = String(entry[..<colon])
            let ids = entry[entry.index(after: colon)...].split(separator: ",").compactMap { Int($0) }
            map[prefix] = ids.compactMap { names.indices.contains($0) ? names[$0] : nil }
            longest = max(longest, prefix.utf8.count)
        }
        zonesByPrefix = map
        longestPrefix = longest
    }

    /// The zones of exactly this prefix, or empty.
    func zones(forPrefix prefix: String) -> [String] {
        zonesByPrefix[prefix] ?? []
    }
}
