/// A regular expression over decimal digits, in the subset libphonenumber's metadata uses: digits,
/// `\d`, classes such as `[2-79]`, groups `(…)` and `(?:…)`, alternation, `?`, `{n}`, `{n,m}` and `$`.
///
/// The metadata's patterns are compiled once into a ``DigitAutomaton`` (a DFA) for matching whole
/// numbers, which is what makes validation fast; the few patterns whose *captures* matter (national
/// prefixes with transform rules) run on the small backtracking matcher in `DigitPattern+Match.swift`,
/// which reproduces the leftmost-first semantics of the regex engines libphonenumber runs on.
struct DigitPattern: Sendable {
    /// A parsed pattern.
    indirect enum Node: Sendable {
        /// One digit from the set (bit `d` set for digit `d`).
        case digits(UInt16)
        /// The nodes one after another.
        case sequence([Node])
        /// The first alternative that lets the whole match succeed.
        case alternation([Node])
        /// A capturing group, numbered from 1.
        case capture(Int, Node)
        /// Greedy repetition.
        case repetition(Node, min: Int, max: Int)
        /// `$`: the end of the input.
        case endOfInput
    }

    /// The pattern text.
    let source: String
    /// The parsed pattern.
    let root: Node
    /// The number of capturing groups.
    let captureCount: Int
    /// Whether `$` occurs in the pattern (which ``DigitAutomaton`` does not model).
    let usesEndAnchor: Bool

    /// Parses `source`.
    /// - Throws: ``DigitPatternSyntaxError`` naming the offset of anything outside the supported subset.
    init(_ source: String) throws(DigitPatternSyntaxError) {
        var parser = Parser(bytes: Array(source.utf8), source: source)
        let root = try parser.parseAlternation()
        if parser.position != parser.bytes.count {
            throw parser.error("unbalanced ')'")
        }
        self.source = source
        self.root = root
        self.captureCount = parser.captureCount
        self.usesEndAnchor = Self.containsEndAnchor(root)
    }

    private static func containsEndAnchor(_ node: Node) -> Bool {
        switch node {
        case .digits: false
        case .endOfInput: true
        case .sequence(let nodes), .alternation(let nodes): nodes.contains(where: containsEndAnchor)
        case .capture(_, let inner), .repetition(let inner, _, _): containsEndAnchor(inner)
        }
    }
}

/// A metadata pattern outside the subset ``DigitPattern`` understands.
struct DigitPatternSyntaxError: Error, Sendable, CustomStringConvertible {
    /// The pattern.
    let pattern: String
    /// The UTF-8 offset of the problem.
    let offset: Int
    /// What is wrong there.
    let message: String

    var description: String { "pattern \(pattern) at offset \(offset): \(message)" }
}

extension DigitPattern {
    /// A recursive-descent parser of the pattern grammar.
    private struct Parser {
        let bytes: [UInt8]
        let source: String
        var position = 0
        var captureCount = 0

        init(bytes: [UInt8], source: String) {
            self.bytes = bytes
            self.source = source
        }

        func error(_ message: String) -> DigitPatternSyntaxError {
            DigitPatternSyntaxError(pattern: source, offset: position, message: message)
        }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func parseAlternation() throws(DigitPatternSyntaxError) -> Node {
            var branches = [try parseSequence()]
            while current == UInt8(ascii: "|") {
                position += 1
                branches.append(try parseSequence())
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        mutating func parseSequence() throws(DigitPatternSyntaxError) -> Node {
            var items: [Node] = []
            while let byte = current, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
                let atom = try parseAtom()
                items.append(try parseQuantifier(on: atom))
            }
            return items.count == 1 ? items[0] : .sequence(items)
        }

        mutating func parseAtom() throws(DigitPatternSyntaxError) -> Node {
            guard let byte = current else { throw error("pattern ends early") }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                position += 1
                return .digits(1 << UInt16(byte - UInt8(ascii: "0")))
            case UInt8(ascii: "\\"):
                position += 1
                guard current == UInt8(ascii: "d") else { throw error("only \\d is supported") }
                position += 1
                return .digits(0x3FF)
            case UInt8(ascii: "["):
                position += 1
                return .digits(try parseClass())
            case UInt8(ascii: "("):
                position += 1
                var capture: Int?
                if current == UInt8(ascii: "?") {
                    position += 1
                    guard current == UInt8(ascii: ":") else { throw error("only (?: groups are supported") }
                    position += 1
                } else {
                    captureCount += 1
                    capture = captureCount
                }
                let inner = try parseAlternation()
                guard current == UInt8(ascii: ")") else { throw error("missing ')'") }
                position += 1
                return capture.map { .capture($0, inner) } ?? inner
            case UInt8(ascii: "$"):
                position += 1
                return .endOfInput
            default:
                throw error("unsupported character '\(Character(Unicode.Scalar(byte)))'")
            }
        }

        mutating func parseClass() throws(DigitPatternSyntaxError) -> UInt16 {
            var mask: UInt16 = 0
            while let byte = current, byte != UInt8(ascii: "]") {
                let low = try classDigit()
                var high = low
                if current == UInt8(ascii: "-") {
                    position += 1
                    high = try classDigit()
                    guard high >= low else { throw error("reversed range") }
                }
                for digit in low...high { mask |= 1 << UInt16(digit) }
                _ = byte
            }
            guard current == UInt8(ascii: "]") else { throw error("missing ']'") }
            position += 1
            return mask
        }

        mutating func classDigit() throws(DigitPatternSyntaxError) -> Int {
            guard let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                throw error("only digits and ranges are supported in a class")
            }
            position += 1
            return Int(byte - UInt8(ascii: "0"))
        }

        mutating func parseQuantifier(on atom: Node) throws(DigitPatternSyntaxError) -> Node {
            switch current {
            case UInt8(ascii: "?"):
                position += 1
                return .repetition(atom, min: 0, max: 1)
            case UInt8(ascii: "{"):
                position += 1
                let low = try parseCount()
                var high = low
                if current == UInt8(ascii: ",") {
                    position += 1
                    high = try parseCount()
                }
                guard current == UInt8(ascii: "}"), high >= low else { throw error("malformed {n,m}") }
                position += 1
                return .repetition(atom, min: low, max: high)
            case UInt8(ascii: "*"), UInt8(ascii: "+"):
                throw error("unbounded repetition is not supported")
            default:
                return atom
            }
        }

        mutating func parseCount() throws(DigitPatternSyntaxError) -> Int {
            var value = 0
            var digits = 0
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digits < 3 {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                position += 1
            }
            guard digits > 0 else { throw error("expected a count") }
            return value
        }
    }
}
