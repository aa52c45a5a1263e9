/// Time zones of numbers, from libphonenumber's prefix map (for calling hours).
extension PhoneNumberParser {
    /// The IANA time zones a number may be in, from the most specific prefix libphonenumber knows;
    /// numbers that are not geographic (toll-free, most mobiles, …) get their country's zones.
    /// Empty when nothing is known.
    ///
    /// ```swift
    /// parser.timeZones(for: try parser.parse("+12015550123").get())  // ["America/New_York"]
    /// ```
    /// - Parameter number: a number from ``parse(_:defaultRegion:)``.
    public func timeZones(for number: PhoneNumber) -> [String] {
        guard let type = number.type else { return [] }
        let geographic = type == .fixedLine || type == .fixedLineOrMobile
            || (type == .mobile && plan.geographicMobileCodes.contains(number.countryCode))
        let map = TimeZoneMap.shared
        guard geographic else {
            // libphonenumber's country-level lookup: the calling code, then its first two digits.
            let code = String(number.countryCode)
            let zones = map.zones(forPrefix: code)
            return zones.isEmpty ? map.zones(forPrefix: String(code.prefix(2))) : zones
        }
        return map.zones(forLongestPrefixOf: (String(number.countryCode) + number.nationalNumber).utf8)
    }
}
