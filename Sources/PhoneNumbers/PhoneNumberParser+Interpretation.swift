/// The port of libphonenumber's `parse` (country-code extraction, national-prefix stripping) and the
/// explanations of invalid numbers.
extension PhoneNumberParser {
    /// How the country code was found.
    private enum CountryCodeSource {
        /// After `+` or an international prefix.
        case international
        /// The number started with the default region's code, which libphonenumber then drops.
        case defaultRegionPrefix
        /// None: a national number in the default region.
        case none
    }

    /// `parse` followed by `isValidNumber`.
    func interpret(_ text: PhoneText, region: Int?) -> Result<PhoneNumber, PhoneNumberError> {
        guard text.digits.count >= 2 else {
            return .failure(PhoneNumberError(.tooShort, "only 1 digit"))
        }
        if !text.hasPlus && region == nil {
            return .failure(PhoneNumberError(
                .missingRegion,
                "no country code: write the number with + and its country code, or give a default region"
            ))
        }
        var extraction = extractCountryCode(text.digits, international: text.hasPlus, region: region)
        if text.hasPlus, case .failure(let error) = extraction, error.reason == .invalidCountryCode {
            // libphonenumber reads `+` followed by an unassigned code again without the `+`.
            let retry = extractCountryCode(text.digits, international: false, region: region)
            if case .success(let found) = retry, found.source != .none { extraction = retry }
        }
        guard case .success(let found) = extraction else {
            if case .failure(let error) = extraction { return .failure(error) }
            return .failure(PhoneNumberError(.notANumber, "no digits"))
        }
        var countryCode = found.countryCode
        var national = found.national
        let territoryIndex: Int
        if found.source == .none, let region {
            territoryIndex = region
            countryCode = plan.territories[region].countryCode
            national = text.digits
        } else if let main = plan.mainTerritory(forCallingCode: countryCode) {
            territoryIndex = main
        } else {
            return .failure(invalidCountryCode(countryCode))
        }
        let territory = plan.territories[territoryIndex]
        guard national.count >= Self.nationalNumberLengths.lowerBound else {
            return .failure(tooShort(national.count, in: territory))
        }
        let stripped = plan.strippingTrunkPrefix(national, in: territory)
        if let stripped { national = stripped }
        guard national.count <= Self.nationalNumberLengths.upperBound else {
            return .failure(PhoneNumberError(
                .tooLong,
                "too long (\(national.count) digits after the country code; no phone number has more than 17)"
            ))
        }
        let classified = national.withUnsafeBufferPointer { plan.classify(countryCode: countryCode, digits: $0) }
        guard let (index, type) = classified else {
            return .failure(explainInvalid(national, countryCode: countryCode, territory: territory))
        }
        // Read as written, this is the number; written in E.164 it reads through the main territory's
        // trunk-prefix rule, which only a stripped prefix or another territory of the code can change.
        if stripped != nil || plan.mainTerritory(forCallingCode: countryCode) != territoryIndex,
            let other = plan.e164Rereading(national, countryCode: countryCode)
        {
            return .failure(notDialableInE164(national, countryCode: countryCode, readsAs: other))
        }
        return .success(PhoneNumber(
            countryCode: countryCode,
            nationalNumber: String(decoding: national.map { $0 + UInt8(ascii: "0") }, as: UTF8.self),
            regionCode: plan.territories[index].regionCode,
            type: type,
            phoneExtension: text.phoneExtension
        ))
    }

    /// `maybeExtractCountryCode`.
    private func extractCountryCode(
        _ digits: [UInt8],
        international: Bool,
        region: Int?
    ) -> Result<(countryCode: Int, national: [UInt8], source: CountryCodeSource), PhoneNumberError> {
        var full = digits
        var fromInternational = international
        if !international, let region, let idd = plan.territories[region].internationalPrefix,
            let match = idd.prefixMatch(digits), match.end == digits.count || digits[match.end] != 0
        {
            full = Array(digits[match.end...])
            fromInternational = true
        }
        if fromInternational {
            guard full.count > 2 else {
                return .failure(PhoneNumberError(.tooShort, "too short after the international prefix"))
            }
            guard let (code, length) = full.withUnsafeBufferPointer({ countryCode(prefixOf: $0) }) else {
                let shown = full.prefix(3).map(String.init).joined()
                return .failure(PhoneNumberError(
                    .invalidCountryCode,
                    "no country has calling code +\(shown) (or a shorter start of it)"
                ))
            }
            return .success((code, Array(full[length...]), .international))
        }
        if let region {
            let territory = plan.territories[region]
            let codeDigits = String(territory.countryCode).utf8.map { $0 - UInt8(ascii: "0") }
            if full.starts(with: codeDigits) {
                var potential = Array(full[codeDigits.count...])
                if let stripped = plan.strippingNationalPrefix(potential, in: territory) { potential = stripped }
                if (!plan.matchesGeneralPattern(full, in: territory) && plan.matchesGeneralPattern(potential, in: territory))
                    || plan.checkLength(full.count, in: territory) == .tooLong
                {
                    return .success((territory.countryCode, potential, .defaultRegionPrefix))
                }
            }
        }
        return .success((0, [], .none))
    }

    private func invalidCountryCode(_ code: Int) -> PhoneNumberError {
        PhoneNumberError(.invalidCountryCode, "no country has calling code +\(code)")
    }

    private func tooShort(_ count: Int, in territory: Territory) -> PhoneNumberError {
        let name = territoryName(territory)
        return PhoneNumberError(
            .tooShort,
            "too short for \(name) (\(digitCount(count)); \(name) numbers have \(lengthList(territory)))"
        )
    }

    /// Why a well-formed number is not valid: its length, or no number range containing it.
    private func explainInvalid(_ national: [UInt8], countryCode: Int, territory: Territory) -> PhoneNumberError {
        let name = territoryName(territory)
        let lengths = lengthList(territory)
        switch plan.checkLength(national.count, in: territory) {
        case .tooShort:
            return tooShort(national.count, in: territory)
        case .tooLong:
            return PhoneNumberError(
                .tooLong,
                "too long for \(name) (\(digitCount(national.count)); \(name) numbers have \(lengths))"
            )
        case .possibleLocalOnly:
            return PhoneNumberError(
                .invalidLength,
                "a local number without its area code (\(digitCount(national.count)); "
                    + "\(name) numbers have \(lengths))"
            )
        case .invalidLength:
            return PhoneNumberError(
                .invalidLength,
                "\(name) numbers do not have \(digitCount(national.count)) (they have \(lengths))"
            )
        case .possible:
            let candidates = plan.territoriesByCallingCode[countryCode]
            let scope = candidates.count > 1 ? "any +\(countryCode) region" : name
            return PhoneNumberError(
                .invalidForRegion,
                "not a valid \(name) number: +\(countryCode) \(String(national.map { Character(Unicode.Scalar($0 + 48)) }))"
                    + " is in no number range of \(scope)"
            )
        }
    }

    /// A number libphonenumber accepts in national form whose E.164 form, the only form the API
    /// dials, reads as another number: in Belarus `0 8100066487` is +375 8100066487, whose E.164 form
    /// reads back as +375 100066487, its leading 8 taken for the trunk prefix.
    private func notDialableInE164(_ national: [UInt8], countryCode: Int, readsAs other: [UInt8]) -> PhoneNumberError {
        func shown(_ digits: [UInt8]) -> String { String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self) }
        return PhoneNumberError(
            .invalidForRegion,
            "+\(countryCode) \(shown(national)) is valid only when dialed inside its country: written in E.164,"
                + " as calls are placed, it reads as +\(countryCode) \(shown(other)), a different number"
        )
    }

    private func territoryName(_ territory: Territory) -> String {
        territory.regionCode ?? "+\(territory.countryCode)"
    }

    private func digitCount(_ count: Int) -> String {
        count == 1 ? "1 digit" : "\(count) digits"
    }

    /// "10", "9 or 10", "7, 8 or 10".
    private func lengthList(_ territory: Territory) -> String {
        let values = territory.generalLengths.sorted.map(String.init)
        guard let last = values.last else { return "no fixed length" }
        return values.count == 1 ? last : values.dropLast().joined(separator: ", ") + " or " + last
    }

    /// Recognizes a number whose leading `+` or `0` a spreadsheet dropped; otherwise returns `error`.
    func diagnoseDamage(_ text: PhoneText, region: Int?, error: PhoneNumberError) -> PhoneNumberError {
        let damageable: Set<PhoneNumberError.Reason> = [
            .tooShort, .tooLong, .invalidLength, .invalidForRegion, .missingRegion, .invalidCountryCode,
        ]
        guard !text.hasPlus, damageable.contains(error.reason) else { return error }
        var withPlus = text
        withPlus.hasPlus = true
        if case .success(let number) = interpret(withPlus, region: nil) {
            let context = region.map { "not valid for \(territoryName(plan.territories[$0])), but " } ?? ""
            return PhoneNumberError(
                .missingLeadingPlus,
                "\(context)\(number.e164) is a valid \(number.regionCode ?? "international") number: "
                    + "the leading '+' may have been lost (spreadsheets drop it); check and add it",
                suggestion: number
            )
        }
        if let region {
            var withZero = text
            withZero.digits.insert(0, at: 0)
            if case .success(let number) = interpret(withZero, region: region) {
                let name = territoryName(plan.territories[region])
                return PhoneNumberError(
                    .missingLeadingZero,
                    "not valid for \(name), but with a leading 0 it is \(number.e164): "
                        + "the 0 may have been lost (spreadsheets drop it); check and add it",
                    suggestion: number
                )
            }
        }
        return error
    }
}
