import PhoneNumbers
import Testing

/// Every number the parser accepts, and every number it suggests for a damaged one, is a number
/// whose E.164 form (the form calls are placed with) reads back as itself, in every region.
@Suite("E.164 round trip and suggestions")
struct E164RoundTripTests {
    let parser = PhoneNumberParser()

    @Test(
        "the fuzzers' inputs: a Belarusian number whose E.164 form reads as another is refused, and never suggested",
        arguments: ["8100066487", "8108064812#1672#"]
    )
    func belarusTrunkPrefixSuggestion(_ input: String) throws {
        guard case .failure(let error) = parser.parse(input, defaultRegion: "BY") else {
            Issue.record("\(input) parsed in BY")
            return
        }
        #expect(error.suggestion == nil, "suggested \(error.suggestion?.e164 ?? "")")
    }

    @Test("a national number valid only inside its country is refused with the number it would become")
    func nationalFormThatDoesNotSurviveE164() throws {
        // libphonenumber accepts 0 8100066487 in BY as +375 8100066487, but reads that E.164 text
        // as +375 100066487 (the 8 taken for Belarus' trunk prefix), which is invalid.
        guard case .failure(let error) = parser.parse("08100066487", defaultRegion: "BY") else {
            Issue.record("08100066487 parsed in BY")
            return
        }
        #expect(error.reason == .invalidForRegion)
        #expect(error.description.contains("+375 8100066487"))
        #expect(error.description.contains("+375 100066487"))
        #expect(!parser.isValidE164("+3758100066487"))
        #expect(!parser.isValidE164("+37588100066487"))
        if case .success(let number) = parser.parse("+37588100066487") {
            Issue.record("+37588100066487 parsed as \(number.e164)")
        }
    }

    @Test("in every region, accepted numbers and suggestions read back from their E.164 form")
    func everyRegion() {
        var suggestions = 0
        for (regionIndex, region) in PhoneNumberParser.supportedRegions.sorted().enumerated() {
            for sample in 0..<400 {
                // Deterministic digit strings (a multiplicative hash of region and sample), so a failure
                // names an input that reproduces.
                let value = UInt64(regionIndex * 400 + sample + 1) &* 0x9E37_79B9_7F4A_7C15
                let length = 6 + Int(value >> 60) % 8
                let digits = String(String(value % 10_000_000_000_000).suffix(length))
                for text in [digits, "0" + digits, "8" + digits] {
                    switch parser.parse(text, defaultRegion: region) {
                    case .success(let number):
                        check(number, from: text, region: region)
                    case .failure(let error):
                        guard let suggestion = error.suggestion else { continue }
                        suggestions += 1
                        check(suggestion, from: text, region: region)
                    }
                }
            }
        }
        #expect(suggestions > 1000, "only \(suggestions) suggestions exercised")
    }

    func check(_ number: PhoneNumber, from text: String, region: String) {
        #expect(parser.isValidE164(number.e164), "\(text) in \(region): \(number.e164) is not valid E.164")
        guard case .success(let again) = parser.parse(number.e164) else {
            Issue.record("\(text) in \(region): \(number.e164) does not parse")
            return
        }
        #expect(
            again.countryCode == number.countryCode && again.nationalNumber == number.nationalNumber,
            "\(text) in \(region): \(number.e164) reads back as \(again.e164)"
        )
    }
}

extension E164RoundTripTests {
    @Test("the fuzzer's input: the E.164 fast path takes 18 national digits whose trunk prefix leaves 17, as parse does")
    func fastPathLengthBeforeTrunkPrefix() throws {
        // +81 0 0066 34 98100066349: libphonenumber strips Japan's trunk prefix 0 and finds the
        // 17-digit toll-free number +81 0066 3498100066349.
        let text = "+81000663498100066349"
        let number = try parser.parse(text).get()
        #expect(number.e164 == "+8100663498100066349")
        #expect(parser.isValidE164(text))
        #expect(parser.isValidE164(number.e164))
        // One digit more is too long either way.
        #expect(!parser.isValidE164(text + "1"))
        if case .success = parser.parse(text + "1") { Issue.record("\(text)1 parsed") }
    }
}
