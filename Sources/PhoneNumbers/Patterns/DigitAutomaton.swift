/// A deterministic automaton over the digits 0–9 that matches several ``DigitPattern``s at once.
///
/// Each pattern contributes a tag bit; running the automaton over a number yields the tags of the
/// patterns that match the whole number and the tags of those that match some prefix of it, in one
/// pass with one table lookup per digit. This replaces libphonenumber's regex matching in the hot
/// path: a region's eleven number descriptions and its leading-digits pattern cost a single walk.
struct DigitAutomaton: Sendable {
    /// `transitions[state * 10 + digit]` is the next state; state 0 is the dead state, 1 the start.
    private let transitions: [Int32]
    /// The tags accepted in each state.
    private let accepting: [UInt32]

    /// What one run found.
    struct Run: Sendable {
        /// Tags of the patterns matching the whole input.
        var whole: UInt32
        /// Tags of the patterns matching some prefix of the input (the empty one included).
        var prefix: UInt32
    }

    /// Compiles `patterns`, each with its tag bit.
    /// - Precondition: no pattern uses `$` (check ``DigitPattern/usesEndAnchor``).
    init(_ patterns: [(pattern: DigitPattern, tag: UInt32)]) {
        var nfa = NFA()
        let start = nfa.addState()
        for (pattern, tag) in patterns {
            let end = nfa.build(pattern.root, from: start)
            nfa.tags[end] |= tag
        }
        (transitions, accepting) = nfa.determinize(start: start)
    }

    /// The number of states, the dead state included.
    var stateCount: Int { accepting.count }

    /// Runs the automaton over `digits` (values 0–9).
    func run(_ digits: UnsafeBufferPointer<UInt8>) -> Run {
        transitions.withUnsafeBufferPointer { table in
            accepting.withUnsafeBufferPointer { tags in
                var state = 1
                var prefix = tags[1]
                for digit in digits {
                    state = Int(table[state &* 10 &+ Int(digit)])
                    prefix |= tags[state]
                }
                return Run(whole: tags[state], prefix: prefix)
            }
        }
    }

    /// Runs the automaton over `digits` (values 0–9).
    func run(_ digits: [UInt8]) -> Run {
        digits.withUnsafeBufferPointer { run($0) }
    }
}

/// A Thompson NFA: states with epsilon moves and at most one digit-set move each.
private struct NFA {
    var epsilon: [[Int32]] = []
    var move: [(mask: UInt16, target: Int32)?] = []
    var tags: [UInt32] = []

    mutating func addState() -> Int {
        epsilon.append([])
        move.append(nil)
        tags.append(0)
        return epsilon.count - 1
    }

    /// Adds `node` starting at state `from`; returns its end state.
    mutating func build(_ node: DigitPattern.Node, from: Int) -> Int {
        switch node {
        case .digits(let mask):
            let source = addState()
            let target = addState()
            epsilon[from].append(Int32(source))
            move[source] = (mask, Int32(target))
            return target
        case .sequence(let nodes):
            var current = from
            for item in nodes { current = build(item, from: current) }
            return current
        case .alternation(let branches):
            let end = addState()
            for branch in branches {
                let branchEnd = build(branch, from: from)
                epsilon[branchEnd].append(Int32(end))
            }
            return end
        case .capture(_, let inner):
            return build(inner, from: from)
        case .repetition(let inner, let min, let max):
            var current = from
            for _ in 0..<min { current = build(inner, from: current) }
            guard max > min else { return current }
            let end = addState()
            for _ in min..<max {
                epsilon[current].append(Int32(end))
                current = build(inner, from: current)
            }
            epsilon[current].append(Int32(end))
            return end
        case .endOfInput:
            // Not representable; callers keep `$` patterns on the backtracking matcher.
            let unreachable = addState()
            return unreachable
        }
    }

    func closure(of states: [Int32], marks: inout [Int32], generation: Int32) -> [Int32] {
        var stack = states
        var result: [Int32] = []
        for state in states { marks[Int(state)] = generation }
        while let state = stack.popLast() {
            // Only states that consume a digit or accept distinguish one subset from another.
            if move[Int(state)] != nil || tags[Int(state)] != 0 { result.append(state) }
            for next in epsilon[Int(state)] where marks[Int(next)] != generation {
                marks[Int(next)] = generation
                stack.append(next)
            }
        }
        result.sort()
        return result
    }

    /// Subset construction.
    func determinize(start: Int) -> (transitions: [Int32], accepting: [UInt32]) {
        var marks = [Int32](repeating: 0, count: epsilon.count)
        var generation: Int32 = 1
        var transitions = [Int32](repeating: 0, count: 10)  // the dead state loops on itself
        var accepting: [UInt32] = [0]
        var index: [[Int32]: Int32] = [:]
        var pending: [[Int32]] = []

        func intern(_ set: [Int32]) -> Int32 {
            if set.isEmpty { return 0 }
            if let known = index[set] { return known }
            let id = Int32(accepting.count)
            index[set] = id
            accepting.append(set.reduce(0) { $0 | tags[Int($1)] })
            transitions.append(contentsOf: repeatElement(0, count: 10))
            pending.append(set)
            return id
        }

        _ = intern(closure(of: [Int32(start)], marks: &marks, generation: generation))
        var cursor = 0
        while cursor < pending.count {
            let set = pending[cursor]
            let id = cursor + 1
            cursor += 1
            for digit in 0..<10 {
                let bit = UInt16(1) << UInt16(digit)
                var targets: [Int32] = []
                for state in set {
                    if let step = move[Int(state)], step.mask & bit != 0 { targets.append(step.target) }
                }
                guard !targets.isEmpty else { continue }
                generation += 1
                transitions[id * 10 + digit] = intern(closure(of: targets, marks: &marks, generation: generation))
            }
        }
        return (transitions, accepting)
    }
}
