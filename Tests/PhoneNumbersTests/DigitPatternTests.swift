@testable import PhoneNumbers
import Testing

/// The pattern compiler and the two matchers built on it.
@Suite("Digit patterns")
struct DigitPatternTests {
    func digits(_ text: String) -> [UInt8] { text.utf8.map { $0 - UInt8(ascii: "0") } }

    @Test func automatonMatchesWholeNumbersAndPrefixes() throws {
        let mobile = try DigitPattern("[6-9]\\d{9}")
        let fixed = try DigitPattern("(?:11|2[02]|33)\\d{8}|4[0-4]\\d{7,8}")
        let automaton = DigitAutomaton([(mobile, 1), (fixed, 2)])
        #expect(automaton.run(digits("9876543210")).whole == 1)
        #expect(automaton.run(digits("1123456789")).whole == 2)
        #expect(automaton.run(digits("5123456789")).whole == 0)
        #expect(automaton.run(digits("112345678901")).whole == 0)
        #expect(automaton.run(digits("1123456789" + "0")).whole == 0)
        #expect(automaton.run(digits("4212345678")).whole == 2)
        #expect(automaton.run(digits("421234567")).whole == 2)
        #expect(automaton.run(digits("98765432101")).prefix == 1)
    }

    @Test func backtrackingIsLeftmostFirstWithCaptures() throws {
        // Argentina's style: an optional prefix with a capture that a transform rule reuses.
        let pattern = try DigitPattern("0?(?:(11|2(?:2(?:02?|[13])))?15)?")
        let match = try #require(pattern.prefixMatch(digits("0111512345678")))
        #expect(match.end == 5)
        #expect(match.captures == [1..<3])
        let greedy = try DigitPattern("(\\d{2,4})(\\d{2})")
        #expect(greedy.prefixMatch(digits("123456"))?.captures == [0..<4, 4..<6])
        let anchored = try DigitPattern("0|(\\d{3})$")
        #expect(anchored.prefixMatch(digits("123"))?.captures == [0..<3])
        #expect(anchored.prefixMatch(digits("1234")) == nil)
        #expect(anchored.prefixMatch(digits("0123"))?.end == 1)
    }

    @Test(arguments: ["\\w", "a", "[a-z]", "(?=1)", "1*", "1+", "(12", "12)", "[9-1]", "1{2,1}"])
    func unsupportedSyntaxIsAnError(_ source: String) {
        #expect(throws: DigitPatternSyntaxError.self) { try DigitPattern(source) }
    }

    @Test func everyTerritoryCompiles() {
        let plan = NumberingPlan.shared
        #expect(plan.territories.count > 240)
        for territory in plan.territories {
            #expect(territory.automaton.stateCount > 1, "\(territory.id)")
        }
    }
}
