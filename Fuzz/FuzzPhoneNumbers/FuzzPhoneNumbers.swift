import PhoneNumbers

/// The parser and the regions every input is read in: none (the number must carry its country
/// code), the demo's regions, and one picked from the input so every region gets exercised.
private let parser = PhoneNumberParser()
private let regions = PhoneNumberParser.supportedRegions.sorted()

/// libFuzzer entry point for phone-number parsing, with and without a default region, including the
/// spreadsheet-damage diagnosis. The properties checked:
/// - a parsed number is well formed, its E.164 form passes the fast `isValidE164` check and parses
///   back (with or without the region) to the same number, and its printed form with an extension
///   parses back to the same extension;
/// - a failure's suggestion (a lost `+` or `0`) is itself a valid number, and its column lies inside
///   the input;
/// - for text that is `+` and ASCII digits, `isValidE164` agrees with `parse`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPhoneNumbers(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let hash = UnsafeRawBufferPointer(start: start, count: count).reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF }
    let picked = regions.isEmpty ? nil : regions[hash % regions.count]
    for region in [nil, "IN", "GB", "US", "AE", picked] {
        check(text, region: region)
    }
    checkFastPath(text)
    return 0
}

private func check(_ text: String, region: String?) {
    switch parser.parse(text, defaultRegion: region) {
    case .success(let number):
        let e164 = number.e164
        require((1...999).contains(number.countryCode), "country code \(number.countryCode)", text, region)
        require(
            (2...17).contains(number.nationalNumber.utf8.count) && number.nationalNumber.utf8.allSatisfy { (48...57).contains($0) },
            "national number \(number.nationalNumber.debugDescription)",
            text,
            region
        )
        require(parser.isValidE164(e164), "isValidE164(\(e164)) is false", text, region)
        for again in [nil, region] {
            guard case .success(let reparsed) = parser.parse(e164, defaultRegion: again) else {
                fail("\(e164) does not parse again (region \(again ?? "none"))", text, region)
            }
            require(
                reparsed.countryCode == number.countryCode && reparsed.nationalNumber == number.nationalNumber
                    && reparsed.regionCode == number.regionCode && reparsed.type == number.type
                    && reparsed.phoneExtension == nil,
                "\(e164) parses again as \(reparsed)",
                text,
                region
            )
        }
        if let digits = number.phoneExtension {
            require(!digits.isEmpty && digits.utf8.allSatisfy { (48...57).contains($0) }, "extension \(digits.debugDescription)", text, region)
            if digits.utf8.count <= 10 {
                let printed = number.description
                guard case .success(let reparsed) = parser.parse(printed, defaultRegion: region) else {
                    fail("\(printed) does not parse again", text, region)
                }
                require(reparsed == number, "\(printed) parses again as \(reparsed)", text, region)
            }
        }
    case .failure(let error):
        require(!error.description.isEmpty, "empty description for \(error.reason)", text, region)
        require(error.reason != .unknownRegion || region == nil || !parser.isSupportedRegion(region ?? ""),
            "a supported region is called unknown", text, region)
        if let column = error.column {
            require((1...max(text.unicodeScalars.count, 1)).contains(column), "column \(column) outside the input", text, region)
        }
        if let suggestion = error.suggestion {
            require(
                [.missingLeadingPlus, .missingLeadingZero].contains(error.reason),
                "a suggestion with reason \(error.reason)",
                text,
                region
            )
            require(parser.isValidE164(suggestion.e164), "suggested \(suggestion.e164) is not valid", text, region)
            guard case .success = parser.parse(suggestion.e164) else {
                fail("suggested \(suggestion.e164) does not parse", text, region)
            }
        }
    }
}

/// `isValidE164` is a separate fast path over `+` and ASCII digits; it must agree with `parse`.
private func checkFastPath(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count >= 2, bytes.count <= 21, bytes[0] == UInt8(ascii: "+"),
        bytes.dropFirst().allSatisfy({ (48...57).contains($0) })
    else {
        if bytes.first != UInt8(ascii: "+") || bytes.contains(where: { !(48...57).contains($0) && $0 != UInt8(ascii: "+") }) {
            require(!parser.isValidE164(text), "isValidE164 accepts text that is not + and digits", text, nil)
        }
        return
    }
    let parsed: Bool
    if case .success = parser.parse(text) { parsed = true } else { parsed = false }
    require(parser.isValidE164(text) == parsed, "isValidE164 says \(!parsed), parse says \(parsed)", text, nil)
}

private func require(_ condition: Bool, _ message: @autoclosure () -> String, _ text: String, _ region: String?) {
    if !condition { fail(message(), text, region) }
}

private func fail(_ message: String, _ text: String, _ region: String?) -> Never {
    fatalError("PhoneNumbers property failed: \(message)\ninput: \(text.debugDescription), region: \(region ?? "none")")
}
