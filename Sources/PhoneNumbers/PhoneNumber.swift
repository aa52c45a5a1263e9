/// A valid phone number: a country calling code and a national significant number.
///
/// ```swift
/// let number = try PhoneNumberParser().parse("098765 43210", defaultRegion: "IN").get()
/// number.e164        // "+919876543210"
/// number.regionCode  // "IN"
/// number.type        // .mobile
/// ```
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// The country calling code, e.g. 91.
    public let countryCode: Int
    /// The national significant number, digits only, e.g. "9876543210".
    public let nationalNumber: String
    /// The region the number belongs to, e.g. "IN"; nil for non-geographic numbers (+800, +882, …).
    public let regionCode: String?
    /// The kind of line, as far as the numbering plan tells; nil when the plan does not say.
    public let type: PhoneNumberType?
    /// Extension digits written after the number (`x123`, `ext. 123`, `;ext=123`), if any.
    public let phoneExtension: String?

    /// Creates a number from parts already known to be valid (use ``PhoneNumberParser`` otherwise).
    /// - Parameters:
    ///   - countryCode: the calling code, e.g. 44.
    ///   - nationalNumber: the national significant number's digits.
    ///   - regionCode: the region, nil for non-geographic numbers.
    ///   - type: the line type, if known.
    ///   - phoneExtension: extension digits, if any.
    public init(
        countryCode: Int,
        nationalNumber: String,
        regionCode: String?,
        type: PhoneNumberType?,
        phoneExtension: String? = nil
    ) {
        self.countryCode = countryCode
        self.nationalNumber = nationalNumber
        self.regionCode = regionCode
        self.type = type
        self.phoneExtension = phoneExtension
    }

    /// The number in E.164 form, e.g. "+919876543210" (without any extension).
    public var e164: String { "+\(countryCode)\(nationalNumber)" }

    /// The E.164 form, followed by ` ext. N` when there is an extension.
    public var description: String {
        phoneExtension.map { "\(e164) ext. \($0)" } ?? e164
    }
}
