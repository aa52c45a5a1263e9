import Synchronization

/// A territory's automaton, compiled the first time a number of that territory is checked.
///
/// Compiling all 250-odd territories takes a noticeable fraction of a second, and a contact list
/// usually touches a handful; compiling on demand keeps start-up instant.
final class LazyAutomaton: Sendable {
    private let patterns: [(pattern: DigitPattern, tag: UInt32)]
    private let compiled = Mutex<DigitAutomaton?>(nil)

    /// Remembers `patterns` for compilation on first use.
    init(_ patterns: [(pattern: DigitPattern, tag: UInt32)]) {
        self.patterns = patterns
    }

    /// The compiled automaton.
    var automaton: DigitAutomaton {
        compiled.withLock { cached in
            if let cached { return cached }
            let built = DigitAutomaton(patterns)
            cached = built
            return built
        }
    }
}
