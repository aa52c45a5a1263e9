import PhoneNumbers
import Testing

/// Spreadsheet damage and hostile strings: each a precise error, never a crash or a wrong number.
@Suite("Damaged and hostile input")
struct DamageAndHostileInputTests {
    let parser = PhoneNumberParser()

    func failure(_ input: String, _ region: String? = nil) -> PhoneNumberError? {
        if case .failure(let error) = parser.parse(input, defaultRegion: region) { return error }
        return nil
    }

    @Test(arguments: ["9.19877E+11", "9,19877E+11", "9.19877e+11", "4.47400123456E+11", "1E+12", "  9.19877E+11 "])
    func scientificNotationSaysTheDigitsAreLost(_ input: String) throws {
        let error = try #require(failure(input, "IN"))
        #expect(error.reason == .excelScientificNotation)
        #expect(error.description.contains("scientific notation"))
    }

    @Test func aLostPlusIsRecognizedWithoutARegion() throws {
        let error = try #require(failure("919876543210"))
        #expect(error.reason == .missingLeadingPlus)
        #expect(error.suggestion?.e164 == "+919876543210")
        #expect(error.description.contains("+919876543210"))
    }

    @Test func aLostPlusIsRecognizedWhenInvalidForTheRegion() throws {
        let error = try #require(failure("447400123456", "US"))
        #expect(error.reason == .missingLeadingPlus)
        #expect(error.suggestion?.e164 == "+447400123456")
        #expect(error.description.hasPrefix("not valid for US"))
    }

    @Test func theRegionsOwnCountryCodeWithoutPlusIsAccepted() throws {
        // libphonenumber reads a number starting with the default region's code as international.
        #expect(try parser.parse("919876543210", defaultRegion: "IN").get().e164 == "+919876543210")
    }

    @Test func aLostLeadingZeroIsRecognized() throws {
        let error = try #require(failure("612345678", "IT"))
        #expect(error.reason == .missingLeadingZero)
        #expect(error.suggestion?.e164 == "+390612345678")
    }

    @Test func lengthsAreExplained() throws {
        let short = try #require(failure("+44 207"))
        #expect(short.reason == .tooShort)
        #expect(short.description == "too short for GB (3 digits; GB numbers have 7, 9 or 10)")
        let local = try #require(failure("+44 20 7946"))
        #expect(local.reason == .invalidLength)
        #expect(local.description.hasPrefix("a local number without its area code (6 digits"))
        let long = try #require(failure("+65 6123 4567 8901"))
        #expect(long.reason == .tooLong)
        #expect(long.description == "too long for SG (12 digits; SG numbers have 8, 10 or 11)")
        let range = try #require(failure("+1 201 155 0123"))
        #expect(range.reason == .invalidForRegion)
        #expect(range.description.contains("no number range of any +1 region"))
    }

    @Test func nationalNumbersNeedARegion() throws {
        #expect(failure("020 7946 0018")?.reason == .missingRegion)
        #expect(failure("020 7946 0018", "XX")?.reason == .unknownRegion)
    }

    @Test func unassignedCountryCodesAreNamed() throws {
        let error = try #require(failure("+999 1234 5678"))
        #expect(error.reason == .invalidCountryCode)
        #expect(error.description.contains("+999"))
    }

    @Test(arguments: ["", "   ", "\u{FEFF}", "\t\n"])
    func emptyInput(_ input: String) {
        #expect(failure(input, "IN")?.reason == .empty)
    }

    @Test func lettersAreReportedWithTheirColumn() throws {
        let error = try #require(failure("+91 98765 4321O"))
        #expect(error.reason == .notANumber)
        #expect(error.column == 15)
        #expect(error.description.contains("column 15"))
        #expect(self.failure("call me maybe", "IN")?.reason == .notANumber)
        #expect(self.failure("+1 800 FLOWERS")?.reason == .notANumber)
    }

    @Test func symbolsAndMisplacedPlusesAreRejected() {
        #expect(failure("98765*43210", "IN")?.reason == .notANumber)
        #expect(failure("98765+43210", "IN")?.reason == .notANumber)
        #expect(failure("++919876543210")?.reason == .notANumber)
        #expect(failure("😀 98765 43210", "IN")?.column == 1)
        #expect(failure("9876543210\u{0}", "IN")?.reason == .notANumber)
    }

    @Test func hugeInputIsRejectedQuickly() {
        let huge = String(repeating: "9", count: 1_000_000)
        #expect(failure(huge, "IN")?.reason == .inputTooLong)
        #expect(failure(String(repeating: "9", count: 40), "IN")?.reason == .tooLong)
        #expect(failure("+" + String(repeating: "1", count: 30))?.reason == .tooLong)
    }

    @Test func tooFewDigits() {
        #expect(failure("7", "IN")?.reason == .tooShort)
        #expect(failure("+9")?.reason == .tooShort)
        #expect(failure("+91")?.reason == .tooShort)
    }

    @Test func unicodeDigitsOfOtherScriptsAreRead() throws {
        #expect(try parser.parse("٩٨٧٦٥٤٣٢١٠", defaultRegion: "IN").get().e164 == "+919876543210")
        #expect(try parser.parse("۰۵۰ ۱۲۳ ۴۵۶۷", defaultRegion: "AE").get().e164 == "+971501234567")
    }

    @Test func isValidE164AcceptsOnlyPlusAndDigits() {
        #expect(parser.isValidE164("+919876543210"))
        #expect(parser.isValidE164("+442079460018"))
        #expect(!parser.isValidE164("919876543210"))
        #expect(!parser.isValidE164("+91 98765 43210"))
        #expect(!parser.isValidE164("+91987654321"))
        #expect(!parser.isValidE164("+"))
        #expect(!parser.isValidE164(""))
        #expect(!parser.isValidE164("+٩١٩٨٧٦٥٤٣٢١٠"))
        #expect(!parser.isValidE164("+" + String(repeating: "9", count: 100)))
    }
}
