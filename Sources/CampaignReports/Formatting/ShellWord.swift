import Foundation

/// Quotes a word for a POSIX shell, so that a suggested command can be pasted as it is.
enum ShellWord {
    /// `word` unchanged when it holds only safe characters, else in single quotes.
    static func quoted(_ word: String) -> String {
        let safe = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.,:/+@%".unicodeScalars.contains(scalar)
        }
        if safe { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
