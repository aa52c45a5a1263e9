extension Territory {
    static func lengths(
        possible: Substring,
        localOnly: Substring,
        territory: String
    ) throws(NumberingPlanDataError) -> Lengths {
        func parse(_ text: Substring) throws(NumberingPlanDataError) -> [Int] {
            var values: [Int] = []
            for item in text.split(separator: ",") {
                guard let value = Int(item) else {
                    throw NumberingPlanDataError(line: territory, message: "bad length \(item)")
                }
                values.append(value)
            }
            return values
        }
        let possibleValues = try parse(possible)
        let localValues = try parse(localOnly)
        func mask(_ values: [Int]) -> UInt32 {
            values.reduce(0) { (0...31).contains($1) ? $0 | (1 << UInt32($1)) : $0 }
        }
        // libphonenumber skips the length check for a description without lengths.
        let possibleMask = possibleValues.isEmpty ? UInt32.max : mask(possibleValues)
        return Lengths(possible: possibleMask, localOnly: mask(localValues), sorted: possibleValues.sorted())
    }
}

/// The generated numbering-plan data could not be read; a build defect, reported with its place.
struct NumberingPlanDataError: Error, CustomStringConvertible {
    /// The territory or line concerned.
    let line: String
    /// What is wrong.
    let message: String

    var description: String { "numbering plan data, \(line.prefix(40)): \(message)" }
}
