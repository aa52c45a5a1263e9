import Foundation

/// Shows a long job's progress: a bar redrawn in place on a terminal, or a plain line every 10% of
/// the work otherwise (so logs stay readable). Used by `import` and `recordings`.
struct ProgressBar {
    let isTerminal: Bool
    /// The job's name at the start of plain lines, e.g. `import`.
    let label: String
    private var lastDecile = 0
    private var drawn = false

    init(isTerminal: Bool, label: String = "import") {
        self.isTerminal = isTerminal
        self.label = label
    }

    /// Shows `fraction` (0–1, `nil` when the total is unknown) of the work done and the counts in words.
    mutating func update(fraction: Double?, numbers: String) {
        if isTerminal {
            let width = 30
            let filled = Int((fraction ?? 0) * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let percent = fraction.map { String(format: "%3.0f%%", $0 * 100) } ?? ""
            FileHandle.standardOutput.write(Data("\r[\(bar)] \(percent)  \(numbers)\u{1B}[K".utf8))
            drawn = true
        } else if let fraction {
            let decile = Int(fraction * 10)
            guard decile > lastDecile, decile < 10 else { return }
            lastDecile = decile
            print("\(label): \(decile * 10)% (\(numbers))")
        }
    }

    /// Ends the bar's line, so that what follows starts on a new one.
    mutating func finish() {
        if drawn {
            FileHandle.standardOutput.write(Data("\n".utf8))
            drawn = false
        }
    }
}
