/// Parses and validates phone numbers with libphonenumber's numbering plans, agreeing with its
/// `parse` + `isValidNumber` on every region.
///
/// ```swift
/// let parser = PhoneNumberParser()
/// switch parser.parse("(0)20 7946 0018", defaultRegion: "GB") {
/// case .success(let number): print(number.e164)          // +442079460018
/// case .failure(let error): print(error.description)
/// }
/// parser.isValidE164("+919876543210")                     // true
/// ```
public struct PhoneNumberParser: Sendable {
    /// The national significant number's length limits libphonenumber enforces.
    static let nationalNumberLengths = 2...17

    let plan: NumberingPlan

    /// Creates a parser; the numbering plans are compiled once per process, on first use.
    public init() {
        plan = NumberingPlan.shared
    }

    /// Parses `text` into a valid number, or says precisely why it is not one.
    ///
    /// Accepts E.164 (`+919876543210`), international prefixes (`00…`, `011…`, and the default
    /// region's own), national formats with trunk prefixes (`098765 43210`), spaces, dots, dashes,
    /// parentheses, digits of any script, `tel:` URIs and extensions (`x123`, `ext. 123`).
    /// Recognizes spreadsheet damage: scientific notation, a dropped leading `+` or `0`.
    /// - Parameters:
    ///   - text: the number as written.
    ///   - defaultRegion: the region (ISO 3166 code, e.g. "IN") to read national numbers in.
    /// - Returns: the number, or an error whose ``PhoneNumberError/reason`` classifies the problem.
    public func parse(_ text: String, defaultRegion: String? = nil) -> Result<PhoneNumber, PhoneNumberError> {
        let scanned: PhoneText
        switch PhoneText.scan(text) {
        case .success(let value): scanned = value
        case .failure(let error): return .failure(error)
        }
        var region: Int?
        if let defaultRegion, !defaultRegion.isEmpty {
            guard let index = plan.territoryByRegion[defaultRegion.uppercased()] else {
                return .failure(PhoneNumberError(
                    .unknownRegion,
                    "unknown default region '\(defaultRegion.prefix(10))' (expected an ISO 3166 code such as IN or US)"
                ))
            }
            region = index
        }
        let result = interpret(scanned, region: region)
        guard case .failure(let error) = result else { return result }
        return .failure(diagnoseDamage(scanned, region: region, error: error))
    }

    /// Whether `text` is exactly `+` and digits forming a valid number (libphonenumber's verdict).
    ///
    /// The fast path for bulk checks: no allocation for the common case, one automaton walk over the
    /// digits. Anything other than `+` and ASCII digits is false; use ``parse(_:defaultRegion:)`` for
    /// formatted input.
    public func isValidE164(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 4, bytes.count <= 21, bytes[0] == UInt8(ascii: "+") else { return false }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
                var count = 0
                for byte in bytes.dropFirst() {
                    let digit = byte &- UInt8(ascii: "0")
                    guard digit < 10 else { return false }
                    buffer[count] = digit
                    count += 1
                }
                let digits = UnsafeBufferPointer(rebasing: buffer[0..<count])
                guard let (countryCode, length) = countryCode(prefixOf: digits),
                    let main = plan.mainTerritory(forCallingCode: countryCode)
                else { return false }
                let national = UnsafeBufferPointer(rebasing: digits[length...])
                // As in `parse`, the length limit holds after a trunk prefix is stripped: 18 digits that
                // start with Japan's 0 are a valid 17-digit number (+81 0066 …).
                guard national.count >= Self.nationalNumberLengths.lowerBound else { return false }
                let territory = plan.territories[main]
                let run = territory.automaton.run(national)
                if territory.nationalPrefixForParsing != nil,
                    territory.nationalPrefixUsesEndAnchor || run.prefix & Territory.nationalPrefixTag != 0
                {
                    // Rare: the number starts like a trunk prefix; take libphonenumber's full route.
                    let stripped = plan.strippingTrunkPrefix(Array(national), in: territory) ?? Array(national)
                    guard Self.nationalNumberLengths.contains(stripped.count),
                        stripped.withUnsafeBufferPointer({ plan.classify(countryCode: countryCode, digits: $0) }) != nil
                    else { return false }
                    // The number found must itself read back from its E.164 form, as `parse` requires.
                    return stripped.elementsEqual(national) || plan.e164Rereading(stripped, countryCode: countryCode) == nil
                }
                guard Self.nationalNumberLengths.contains(national.count) else { return false }
                return plan.classify(countryCode: countryCode, digits: national, mainRun: run) != nil
            }
        }
    }

    /// The region codes the parser knows (ISO 3166, upper case), e.g. "IN".
    public static var supportedRegions: Set<String> {
        Set(NumberingPlan.shared.territoryByRegion.keys)
    }

    /// Whether `region` (any case) is a region code the parser knows, for validating options early.
    /// - Parameter region: e.g. "IN" or "in".
    public func isSupportedRegion(_ region: String) -> Bool {
        plan.territoryByRegion[region.uppercased()] != nil
    }

    /// libphonenumber's `extractCountryCode`: the shortest assigned calling code the digits start with.
    func countryCode(prefixOf digits: UnsafeBufferPointer<UInt8>) -> (code: Int, length: Int)? {
        guard let first = digits.first, first != 0 else { return nil }
        var code = 0
        for length in 1...min(3, digits.count) {
            code = code * 10 + Int(digits[length - 1])
            if !plan.territoriesByCallingCode[code].isEmpty { return (code, length) }
        }
        return nil
    }
}
