/// Why a string is not a valid phone number, with a sentence a person can act on.
///
/// ```swift
/// if case .failure(let error) = PhoneNumberParser().parse("98765432", defaultRegion: "IN") {
///     error.reason       // .tooShort
///     error.description  // "too short for IN (8 digits; IN numbers have 10)"
/// }
/// ```
public struct PhoneNumberError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem; stable across releases, suitable for counting and for reject files.
    public enum Reason: String, Sendable, CaseIterable {
        /// Nothing but whitespace.
        case empty
        /// Longer than any phone number could be written (250 characters).
        case inputTooLong
        /// Letters or symbols that do not belong in a phone number.
        case notANumber
        /// A number Excel turned into scientific notation (`9.19877E+11`): the digits are lost.
        case excelScientificNotation
        /// A national number with no default region to read it in.
        case missingRegion
        /// The default region is not a region code libphonenumber knows.
        case unknownRegion
        /// The digits after `+` or an international prefix start with no assigned calling code.
        case invalidCountryCode
        /// Fewer digits than the region's numbers have.
        case tooShort
        /// More digits than the region's numbers have.
        case tooLong
        /// A length between the region's shortest and longest numbers that it does not use.
        case invalidLength
        /// The right length but not in any number range of the region.
        case invalidForRegion
        /// Not valid as written, but valid with a leading `+` (which spreadsheets drop).
        case missingLeadingPlus
        /// Not valid as written, but valid with the leading `0` that spreadsheets drop.
        case missingLeadingZero
    }

    /// The kind of problem.
    public let reason: Reason
    /// The human sentence.
    public let description: String
    /// For damage the parser can recognize (a lost `+` or `0`), the number that was probably meant.
    /// It is not used automatically: calling a guessed number could reach a stranger.
    public let suggestion: PhoneNumber?
    /// The 1-based character position in the input the problem was found at, where one applies.
    public let column: Int?

    /// Creates an error.
    /// - Parameters:
    ///   - reason: the kind of problem.
    ///   - description: the human sentence.
    ///   - suggestion: the number probably meant, if any.
    ///   - column: the 1-based character position of the problem, if any.
    public init(_ reason: Reason, _ description: String, suggestion: PhoneNumber? = nil, column: Int? = nil) {
        self.reason = reason
        self.description = description
        self.suggestion = suggestion
        self.column = column
    }
}
