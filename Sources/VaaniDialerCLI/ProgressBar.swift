import CampaignStore
import ContactImport
import Foundation

/// Shows an import's progress: a bar redrawn in place on a terminal, or a plain line every 10% of
/// the file otherwise (so logs stay readable).
struct ProgressBar {
    let isTerminal: Bool
    private var lastDecile = 0
    private var drawn = false

    init(isTerminal: Bool) {
        self.isTerminal = isTerminal
    }

    mutating func update(_ progress: ImportProgress) {
        let fraction = progress.totalBytes.map { $0 > 0 ? min(1, Double(progress.bytesRead) / Double($0)) : 1 }
        let counts = progress.counts
        let numbers = "\(counts.rows) rows, \(counts.imported) imported, \(counts.rejected) rejected"
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
            print("import: \(decile * 10)% (\(numbers))")
        }
    }

    mutating func finish() {
        if drawn {
            FileHandle.standardOutput.write(Data("\n".utf8))
            drawn = false
        }
    }
}
