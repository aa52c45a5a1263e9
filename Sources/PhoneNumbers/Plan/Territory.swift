/// One territory's numbering plan: a region such as `IN`, or a non-geographic calling code (`001`).
final class Territory: Sendable {
    /// Indexes of the number descriptions, in the order libphonenumber tests them for a type.
    enum Description: Int, CaseIterable, Sendable {
        case general, premiumRate, tollFree, sharedCost, voip, personalNumber, pager, uan, voicemail
        case fixedLine, mobile

        /// The automaton tag of this description's pattern.
        var tag: UInt32 { 1 << UInt32(rawValue) }
    }

    /// Possible lengths and whether the description has numbers at all.
    struct Lengths: Sendable {
        /// Bit `n` set when `n` digits is a possible length.
        var possible: UInt32
        /// Bit `n` set when `n` digits is only diallable locally.
        var localOnly: UInt32
        /// The possible lengths, ascending.
        var sorted: [Int]
    }

    /// Automaton tag of the leading-digits pattern (matched as a prefix).
    static let leadingDigitsTag: UInt32 = 1 << 11
    /// Automaton tag of the national-prefix-for-parsing pattern (matched as a prefix).
    static let nationalPrefixTag: UInt32 = 1 << 12

    /// `IN`, `GB`, … or `001` for a non-geographic calling code.
    let id: String
    /// The country calling code.
    let countryCode: Int
    /// The international (IDD) prefix pattern, e.g. `00`.
    let internationalPrefix: DigitPattern?
    /// The national (trunk) prefix, e.g. `0`.
    let nationalPrefix: String
    /// The pattern that recognizes a national prefix (and carrier code) when parsing.
    let nationalPrefixForParsing: DigitPattern?
    /// The replacement for a national prefix match, with `\1`-style group references.
    let nationalPrefixTransformRule: String?
    /// Whether the territory has a leading-digits pattern that picks it among territories sharing a code.
    let hasLeadingDigits: Bool
    /// Whether the mobile and fixed-line patterns are the same.
    let sameMobileAndFixedLinePattern: Bool
    /// Tags of descriptions that have a pattern.
    let descriptionsWithPattern: UInt32
    /// Lengths per ``Description``.
    let lengths: [Lengths]
    /// Whether the national-prefix pattern needs the backtracking matcher even to rule a number out.
    let nationalPrefixUsesEndAnchor: Bool
    /// All the territory's patterns, compiled together on first use.
    private let lazyAutomaton: LazyAutomaton

    /// All the territory's patterns compiled together.
    var automaton: DigitAutomaton { lazyAutomaton.automaton }

    /// The region code of numbers in this territory (nil for non-geographic ones).
    var regionCode: String? { id == "001" ? nil : id }

    /// The general description's lengths.
    var generalLengths: Lengths { lengths[Description.general.rawValue] }

    /// Reads one line of ``NumberingPlanData/territories``.
    init(line: Substring) throws(NumberingPlanDataError) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        let descriptionCount = Description.allCases.count
        guard fields.count == 8 + descriptionCount, let countryCode = Int(fields[1]) else {
            throw NumberingPlanDataError(line: String(line), message: "expected \(8 + descriptionCount) fields")
        }
        func pattern(_ text: Substring) throws(NumberingPlanDataError) -> DigitPattern? {
            guard !text.isEmpty else { return nil }
            do {
                return try DigitPattern(String(text))
            } catch {
                throw NumberingPlanDataError(line: String(fields[0]), message: error.description)
            }
        }
        id = String(fields[0])
        self.countryCode = countryCode
        internationalPrefix = try pattern(fields[2])
        nationalPrefix = String(fields[3])
        nationalPrefixForParsing = try pattern(fields[4])
        nationalPrefixTransformRule = fields[5].isEmpty ? nil : String(fields[5])
        let leadingDigits = try pattern(fields[6])
        hasLeadingDigits = leadingDigits != nil
        sameMobileAndFixedLinePattern = fields[7] == "1"

        var compiled: [(pattern: DigitPattern, tag: UInt32)] = []
        var withPattern: UInt32 = 0
        var lengths: [Lengths] = []
        for description in Description.allCases {
            let field = fields[8 + description.rawValue]
            guard field != "!" else {
                lengths.append(Lengths(possible: 0, localOnly: 0, sorted: []))
                continue
            }
            let parts = field.split(separator: ";", omittingEmptySubsequences: false)
            guard parts.count == 3 else {
                throw NumberingPlanDataError(line: id, message: "malformed description \(description)")
            }
            if let compiledPattern = try pattern(parts[0]) {
                compiled.append((compiledPattern, description.tag))
                withPattern |= description.tag
            }
            lengths.append(try Territory.lengths(possible: parts[1], localOnly: parts[2], territory: id))
        }
        if let leadingDigits {
            compiled.append((leadingDigits, Self.leadingDigitsTag))
        }
        if let prefix = nationalPrefixForParsing, !prefix.usesEndAnchor {
            compiled.append((prefix, Self.nationalPrefixTag))
        }
        descriptionsWithPattern = withPattern
        self.lengths = lengths
        nationalPrefixUsesEndAnchor = nationalPrefixForParsing?.usesEndAnchor ?? false
        lazyAutomaton = LazyAutomaton(compiled)
    }
}
