/// libphonenumber's validity rules (`isValidNumber`, `getNumberType`, national-prefix stripping),
/// run on the compiled automata.
extension NumberingPlan {
    /// How a national number's length compares with a territory's possible lengths.
    enum LengthCheck: Equatable, Sendable {
        case possible, possibleLocalOnly, tooShort, tooLong, invalidLength
    }

    /// The territory and type of a valid number, or nil when libphonenumber's `isValidNumber` says no.
    /// - Parameters:
    ///   - countryCode: the calling code.
    ///   - digits: the national significant number, digit values 0–9.
    ///   - mainRun: the main territory's automaton run over `digits`, when the caller has it already.
    func classify(
        countryCode: Int,
        digits: UnsafeBufferPointer<UInt8>,
        mainRun: DigitAutomaton.Run? = nil
    ) -> (territory: Int, type: PhoneNumberType)? {
        guard (1..<1000).contains(countryCode) else { return nil }
        let candidates = territoriesByCallingCode[countryCode]
        guard let main = candidates.first else { return nil }
        if candidates.count == 1 {
            let territory = territories[main]
            let run = mainRun ?? territory.automaton.run(digits)
            return numberType(run, length: digits.count, in: territory).map { (main, $0) }
        }
        // `getRegionCodeForNumberFromRegionList`: the first territory whose leading digits match, or
        // (for territories without them) whose patterns give the number a type.
        for index in candidates {
            let territory = territories[index]
            let run = index == main ? (mainRun ?? territory.automaton.run(digits)) : territory.automaton.run(digits)
            if territory.hasLeadingDigits {
                if run.prefix & Territory.leadingDigitsTag != 0 {
                    return numberType(run, length: digits.count, in: territory).map { (index, $0) }
                }
            } else if let type = numberType(run, length: digits.count, in: territory) {
                return (index, type)
            }
        }
        return nil
    }

    /// `getNumberTypeHelper`: the type of a number of `length` digits whose automaton run in
    /// `territory` is `run`; nil for unknown.
    func numberType(_ run: DigitAutomaton.Run, length: Int, in territory: Territory) -> PhoneNumberType? {
        let whole = run.whole & territory.descriptionsWithPattern
        let lengthBit: UInt32 = length < 32 ? 1 << UInt32(length) : 0
        func matches(_ description: Territory.Description) -> Bool {
            whole & description.tag != 0 && territory.lengths[description.rawValue].possible & lengthBit != 0
        }
        guard matches(.general) else { return nil }
        if matches(.premiumRate) { return .premiumRate }
        if matches(.tollFree) { return .tollFree }
        if matches(.sharedCost) { return .sharedCost }
        if matches(.voip) { return .voip }
        if matches(.personalNumber) { return .personalNumber }
        if matches(.pager) { return .pager }
        if matches(.uan) { return .uan }
        if matches(.voicemail) { return .voicemail }
        if matches(.fixedLine) {
            if territory.sameMobileAndFixedLinePattern || matches(.mobile) { return .fixedLineOrMobile }
            return .fixedLine
        }
        if !territory.sameMobileAndFixedLinePattern && matches(.mobile) { return .mobile }
        return nil
    }

    /// `testNumberLength` against the general description.
    func checkLength(_ count: Int, in territory: Territory) -> LengthCheck {
        let lengths = territory.generalLengths
        if count < 32 && lengths.localOnly & (1 << UInt32(count)) != 0 { return .possibleLocalOnly }
        guard let minimum = lengths.sorted.first, let maximum = lengths.sorted.last else { return .invalidLength }
        if count == minimum { return .possible }
        if count < minimum { return .tooShort }
        if count > maximum { return .tooLong }
        return lengths.sorted.contains(count) ? .possible : .invalidLength
    }

    /// Whether `digits` matches the territory's general pattern (lengths not considered), as
    /// libphonenumber's `matchNationalNumber` does.
    func matchesGeneralPattern(_ digits: [UInt8], in territory: Territory) -> Bool {
        territory.automaton.run(digits).whole & Territory.Description.general.tag != 0
    }

    /// The national number that `+countryCode national` reads as, when that differs from `national`:
    /// libphonenumber strips a trunk prefix from international numbers too, when what remains has a
    /// possible length in the code's main territory. `nil` when the E.164 form reads back as itself.
    func e164Rereading(_ national: [UInt8], countryCode: Int) -> [UInt8]? {
        guard let main = mainTerritory(forCallingCode: countryCode),
            let stripped = strippingTrunkPrefix(national, in: territories[main]), stripped != national
        else { return nil }
        return stripped
    }

    /// What `parse` reads as the national number: `digits` without its trunk prefix when what remains
    /// has a possible (or too long) length for the territory; `nil` when nothing is stripped.
    func strippingTrunkPrefix(_ digits: [UInt8], in territory: Territory) -> [UInt8]? {
        guard let stripped = strippingNationalPrefix(digits, in: territory),
            [.possible, .tooLong].contains(checkLength(stripped.count, in: territory))
        else { return nil }
        return stripped
    }

    /// `maybeStripNationalPrefixAndCarrierCode`: the number without its national prefix (transformed
    /// by the territory's rule), or nil when nothing is stripped.
    func strippingNationalPrefix(_ digits: [UInt8], in territory: Territory) -> [UInt8]? {
        guard !digits.isEmpty, let prefix = territory.nationalPrefixForParsing else { return nil }
        let run = territory.automaton.run(digits)
        // The automaton rules out most numbers before the backtracking matcher is needed.
        if !prefix.usesEndAnchor && run.prefix & Territory.nationalPrefixTag == 0 { return nil }
        guard let match = prefix.prefixMatch(digits) else { return nil }
        let viableOriginal = run.whole & Territory.Description.general.tag != 0
        let lastGroupTookPart = match.captures.last.map { $0 != nil } ?? false
        let result: [UInt8]
        if let rule = territory.nationalPrefixTransformRule, !rule.isEmpty, lastGroupTookPart {
            result = Self.expand(rule, match: match, digits: digits) + digits[match.end...]
        } else {
            result = Array(digits[match.end...])
        }
        if viableOriginal && !matchesGeneralPattern(result, in: territory) { return nil }
        return result
    }

    /// Expands a transform rule such as `9\1` with the match's groups.
    private static func expand(_ rule: String, match: DigitPattern.PrefixMatch, digits: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var escaped = false
        for byte in rule.utf8 {
            if escaped {
                escaped = false
                let group = Int(byte) - Int(UInt8(ascii: "0"))
                if group >= 1, group <= match.captures.count, let range = match.captures[group - 1] {
                    output += digits[range]
                }
            } else if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "$") {
                escaped = true
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                output.append(byte - UInt8(ascii: "0"))
            }
        }
        return output
    }
}
