import PhoneNumbers
import Testing

/// Numbers as people write them in each region, with libphonenumber's reading of them.
@Suite("Real formats per region")
struct RegionFormatTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let input: String
        let region: String?
        let e164: String
        let regionCode: String?
        let type: PhoneNumberType

        var testDescription: String { "\(input) [\(region ?? "-")]" }
    }

    static let cases: [Case] = [
        Case(input: "+91 98765 43210", region: nil, e164: "+919876543210", regionCode: "IN", type: .mobile),
        Case(input: "098765 43210", region: "IN", e164: "+919876543210", regionCode: "IN", type: .mobile),
        Case(input: "9876543210", region: "IN", e164: "+919876543210", regionCode: "IN", type: .mobile),
        Case(input: "+91-22-2345-6789", region: nil, e164: "+912223456789", regionCode: "IN", type: .fixedLine),
        Case(input: "0091 98765 43210", region: "IN", e164: "+919876543210", regionCode: "IN", type: .mobile),
        Case(input: "०९८७६५ ४३२१०", region: "IN", e164: "+919876543210", regionCode: "IN", type: .mobile),
        Case(input: "(201) 555-0123", region: "US", e164: "+12015550123", regionCode: "US", type: .fixedLineOrMobile),
        Case(input: "201.555.0123", region: "US", e164: "+12015550123", regionCode: "US", type: .fixedLineOrMobile),
        Case(input: "1-201-555-0123", region: "US", e164: "+12015550123", regionCode: "US", type: .fixedLineOrMobile),
        Case(input: "+1 800 555 0199", region: nil, e164: "+18005550199", regionCode: "US", type: .tollFree),
        Case(input: "+1 242 357 1234", region: nil, e164: "+12423571234", regionCode: "BS", type: .mobile),
        Case(input: "011 44 20 7946 0018", region: "US", e164: "+442079460018", regionCode: "GB", type: .fixedLine),
        Case(input: "020 7946 0018", region: "GB", e164: "+442079460018", regionCode: "GB", type: .fixedLine),
        Case(input: "(0)20 7946 0018", region: "GB", e164: "+442079460018", regionCode: "GB", type: .fixedLine),
        Case(input: "+44 (0)20 7946 0018", region: nil, e164: "+442079460018", regionCode: "GB", type: .fixedLine),
        Case(input: "0044 20 7946 0018", region: "GB", e164: "+442079460018", regionCode: "GB", type: .fixedLine),
        Case(input: "07400 123456", region: "GB", e164: "+447400123456", regionCode: "GB", type: .mobile),
        Case(input: "tel:+44-20-7946-0018", region: nil, e164: "+442079460018", regionCode: "GB", type: .fixedLine),
        Case(input: "030 1234567", region: "DE", e164: "+49301234567", regionCode: "DE", type: .fixedLine),
        Case(input: "+49 30 1234567", region: nil, e164: "+49301234567", regionCode: "DE", type: .fixedLine),
        Case(input: "0151 23456789", region: "DE", e164: "+4915123456789", regionCode: "DE", type: .mobile),
        Case(input: "050 123 4567", region: "AE", e164: "+971501234567", regionCode: "AE", type: .mobile),
        Case(input: "+971 4 234 5678", region: nil, e164: "+97142345678", regionCode: "AE", type: .fixedLine),
        Case(input: "8123 4567", region: "SG", e164: "+6581234567", regionCode: "SG", type: .mobile),
        Case(input: "+65 6123 4567", region: nil, e164: "+6561234567", regionCode: "SG", type: .fixedLine),
        Case(input: "+６５ ６１２３ ４５６７", region: nil, e164: "+6561234567", regionCode: "SG", type: .fixedLine),
        Case(input: "0412 345 678", region: "AU", e164: "+61412345678", regionCode: "AU", type: .mobile),
        Case(input: "(02) 9876 5432", region: "AU", e164: "+61298765432", regionCode: "AU", type: .fixedLine),
        Case(input: "0011 61 2 9876 5432", region: "AU", e164: "+61298765432", regionCode: "AU", type: .fixedLine),
        Case(input: "(11) 91234-5678", region: "BR", e164: "+5511912345678", regionCode: "BR", type: .mobile),
        Case(input: "+55 11 91234 5678", region: nil, e164: "+5511912345678", regionCode: "BR", type: .mobile),
        Case(input: "06 12 34 56 78", region: "FR", e164: "+33612345678", regionCode: "FR", type: .mobile),
        Case(input: "06 1234 5678", region: "IT", e164: "+390612345678", regionCode: "IT", type: .fixedLine),
        Case(input: "011 15-2345-6789", region: "AR", e164: "+5491123456789", regionCode: "AR", type: .mobile),
        Case(input: "+54 9 11 2345-6789", region: nil, e164: "+5491123456789", regionCode: "AR", type: .mobile),
        Case(input: "090-1234-5678", region: "JP", e164: "+819012345678", regionCode: "JP", type: .mobile),
        Case(input: "+86 138 0013 8000", region: nil, e164: "+8613800138000", regionCode: "CN", type: .mobile),
        Case(input: "0803 123 4567", region: "NG", e164: "+2348031234567", regionCode: "NG", type: .mobile),
        Case(input: "082 123 4567", region: "ZA", e164: "+27821234567", regionCode: "ZA", type: .mobile),
        Case(input: "0712 345678", region: "KE", e164: "+254712345678", regionCode: "KE", type: .mobile),
        Case(input: "+7 701 123 4567", region: nil, e164: "+77011234567", regionCode: "KZ", type: .mobile),
        Case(input: "8 (912) 345-67-89", region: "RU", e164: "+79123456789", regionCode: "RU", type: .mobile),
        Case(input: "+800 1234 5678", region: nil, e164: "+80012345678", regionCode: nil, type: .tollFree),
    ]

    @Test(arguments: cases)
    func parsesLikeLibphonenumber(_ testCase: Case) throws {
        let number = try PhoneNumberParser().parse(testCase.input, defaultRegion: testCase.region).get()
        #expect(number.e164 == testCase.e164)
        #expect(number.regionCode == testCase.regionCode)
        #expect(number.type == testCase.type)
    }

    @Test func extensionsAreKeptApartFromTheNumber() throws {
        let parser = PhoneNumberParser()
        for input in ["+91 98765 43210 ext. 12", "+91 98765 43210 x12", "+91 98765 43210#12", "tel:+919876543210;ext=12"] {
            let number = try parser.parse(input).get()
            #expect(number.e164 == "+919876543210", "\(input)")
            #expect(number.phoneExtension == "12", "\(input)")
            #expect(number.description == "+919876543210 ext. 12")
        }
    }

    @Test func supportedRegionsAreLibphonenumbersRegions() {
        let parser = PhoneNumberParser()
        #expect(PhoneNumberParser.supportedRegions.count == 245)
        #expect(parser.isSupportedRegion("in"))
        #expect(parser.isSupportedRegion("GB"))
        #expect(!parser.isSupportedRegion("XX"))
        #expect(!parser.isSupportedRegion("001"))
    }

    @Test func regionCodesAreCaseInsensitive() throws {
        #expect(try PhoneNumberParser().parse("098765 43210", defaultRegion: "in").get().e164 == "+919876543210")
    }

    @Test func timeZonesComeFromTheMostSpecificPrefix() throws {
        let parser = PhoneNumberParser()
        #expect(parser.timeZones(for: try parser.parse("+1 201 555 0123").get()) == ["America/New_York"])
        #expect(parser.timeZones(for: try parser.parse("+1 415 555 0123").get()) == ["America/Los_Angeles"])
        #expect(parser.timeZones(for: try parser.parse("+44 20 7946 0018").get()) == ["Europe/London"])
        #expect(parser.timeZones(for: try parser.parse("+91 98765 43210").get()) == ["Asia/Calcutta"])
        // Not geographic: the whole country's zones.
        #expect(parser.timeZones(for: try parser.parse("+7 701 123 4567").get()).contains("Asia/Almaty"))
        let unknown = PhoneNumber(countryCode: 91, nationalNumber: "9876543210", regionCode: "IN", type: nil)
        #expect(parser.timeZones(for: unknown).isEmpty)
    }
}
