extension DigitPattern {
    /// A match anchored at the start of the input, as Python's `re.match` reports it.
    struct PrefixMatch: Equatable, Sendable {
        /// Where the match ends.
        var end: Int
        /// Each capturing group's range, or nil when the group did not take part.
        var captures: [Range<Int>?]
    }

    /// Matches the pattern at the start of `digits` (values 0–9) with backtracking, greedy
    /// quantifiers and leftmost-first alternation — the semantics of the regex engines
    /// libphonenumber runs on, which national-prefix transform rules depend on.
    func prefixMatch(_ digits: [UInt8]) -> PrefixMatch? {
        let state = BacktrackingState(digits: digits, captureCount: captureCount)
        var end = -1
        let matched = state.match(root, at: 0) { position in
            end = position
            return true
        }
        return matched ? PrefixMatch(end: end, captures: state.captures) : nil
    }
}

/// The input and capture registers of one backtracking run.
private final class BacktrackingState {
    let digits: [UInt8]
    var captures: [Range<Int>?]

    init(digits: [UInt8], captureCount: Int) {
        self.digits = digits
        self.captures = Array(repeating: nil, count: captureCount)
    }

    /// Tries `node` at `position`, calling `next` with each possible end in priority order until it
    /// returns true.
    func match(_ node: DigitPattern.Node, at position: Int, _ next: (Int) -> Bool) -> Bool {
        switch node {
        case .digits(let mask):
            guard position < digits.count, mask & (1 << UInt16(digits[position])) != 0 else { return false }
            return next(position + 1)
        case .endOfInput:
            return position == digits.count && next(position)
        case .sequence(let nodes):
            return matchSequence(nodes[...], at: position, next)
        case .alternation(let branches):
            for branch in branches where match(branch, at: position, next) {
                return true
            }
            return false
        case .capture(let index, let inner):
            return match(inner, at: position) { end in
                let saved = captures[index - 1]
                captures[index - 1] = position..<end
                if next(end) { return true }
                captures[index - 1] = saved
                return false
            }
        case .repetition(let inner, let min, let max):
            return matchRepetition(inner, count: 0, min: min, max: max, at: position, next)
        }
    }

    private func matchSequence(_ nodes: ArraySlice<DigitPattern.Node>, at position: Int, _ next: (Int) -> Bool) -> Bool {
        guard let first = nodes.first else { return next(position) }
        return match(first, at: position) { end in matchSequence(nodes.dropFirst(), at: end, next) }
    }

    private func matchRepetition(
        _ node: DigitPattern.Node,
        count: Int,
        min: Int,
        max: Int,
        at position: Int,
        _ next: (Int) -> Bool
    ) -> Bool {
        if count < max {
            let matched = match(node, at: position) { end in
                // An empty iteration past the minimum cannot make progress; stop there.
                if end == position && count >= min { return false }
                return matchRepetition(node, count: count + 1, min: min, max: max, at: end, next)
            }
            if matched { return true }
        }
        return count >= min && next(position)
    }
}
