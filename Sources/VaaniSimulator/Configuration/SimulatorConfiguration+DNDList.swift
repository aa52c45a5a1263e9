import Foundation

extension SimulatorConfiguration {
    /// Reads `--dnd` arguments: each is an E.164 number, or the path of a file with one number per
    /// line (blank lines and `#` comments allowed; the first CSV column is used if there are commas).
    /// - Parameter arguments: The `--dnd` values.
    /// - Returns: Every number named.
    /// - Throws: ``SimulatorConfigurationError`` naming the file and line of a bad entry, or an
    ///   argument that is neither a number nor a readable file.
    public static func dndNumbers(from arguments: [String]) throws(SimulatorConfigurationError) -> Set<String> {
        var numbers: Set<String> = []
        for argument in arguments {
            let trimmed = argument.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("+") {
                guard isE164(trimmed) else {
                    throw .init(field: "dnd", problem: "'\(argument)' is not an E.164 number like +919876543210")
                }
                numbers.insert(trimmed)
                continue
            }
            let text: String
            do {
                text = try String(contentsOfFile: argument, encoding: .utf8)
            } catch {
                throw .init(field: "dnd", problem: "'\(argument)' is neither an E.164 number nor a readable file")
            }
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let entry = line.split(separator: ",", maxSplits: 1).first.map {
                    $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: "\"")))
                } ?? ""
                if entry.isEmpty || entry.hasPrefix("#") { continue }
                guard isE164(entry) else {
                    if offset == 0, !entry.contains(where: \.isNumber) { continue }  // a header line
                    throw .init(field: "dnd", problem: "\(argument):\(offset + 1): '\(entry)' is not an E.164 number")
                }
                numbers.insert(entry)
            }
        }
        return numbers
    }

    /// `+` then 8 to 15 digits, the first not zero.
    static func isE164(_ number: String) -> Bool {
        let utf8 = Array(number.utf8)
        guard utf8.count >= 9, utf8.count <= 16, utf8[0] == UInt8(ascii: "+"), utf8[1] != UInt8(ascii: "0") else {
            return false
        }
        return utf8.dropFirst().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
