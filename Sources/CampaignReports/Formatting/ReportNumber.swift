/// Numbers as a report shows them: thousands grouped with commas, fixed decimals.
enum ReportNumber {
    /// `1234567` → `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// `1234.5` with two decimals → `1,234.50`; not-a-number and infinities print as `–`.
    static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let units = Int(scaled)
        let whole = units / Int(scale)
        var text = grouped(whole)
        if decimals > 0 {
            let fraction = String(units % Int(scale))
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return value < 0 && scaled > 0 ? "-" + text : text
    }

    /// A count with its noun, singular or plural: `1 contact`, `1,200 contacts`.
    static func counted(_ count: Int, _ noun: String) -> String {
        grouped(count) + " " + noun + (count == 1 ? "" : "s")
    }

    /// A ratio as a percentage with one decimal: `0.4567` → `45.7%`; `nil` → `–`.
    static func percent(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return "–" }
        return grouped(ratio * 100, decimals: 1) + "%"
    }
}
