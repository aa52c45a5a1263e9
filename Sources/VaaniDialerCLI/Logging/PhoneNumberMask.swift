import PhoneNumbers

/// Hides phone numbers in text meant for logs: every `+` followed by 8 to 15 digits keeps its country
/// code and last four digits, e.g. `+919876543210` becomes `+91******3210`.
///
/// The country code is the one libphonenumber's plans give the number; a number no plan recognizes
/// keeps only its last four digits, so nothing identifying is shown either way.
struct PhoneNumberMask: Sendable {
    private let parser = PhoneNumberParser()

    /// `text` with every E.164-looking number masked.
    func mask(_ text: String) -> String {
        let utf8 = Array(text.utf8)
        guard utf8.contains(UInt8(ascii: "+")) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            guard byte == UInt8(ascii: "+") else {
                output.append(byte)
                index += 1
                continue
            }
            var end = index + 1
            while end < utf8.count, utf8[end] >= UInt8(ascii: "0"), utf8[end] <= UInt8(ascii: "9") { end += 1 }
            let digits = end - index - 1
            if (8...15).contains(digits) {
                output.append(contentsOf: masked(String(decoding: utf8[index..<end], as: UTF8.self)).utf8)
            } else {
                output.append(contentsOf: utf8[index..<end])
            }
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// One number, `+` and digits only, masked.
    private func masked(_ number: String) -> String {
        let digits = number.dropFirst()
        var countryCode = ""
        if case .success(let parsed) = parser.parse(number) {
            countryCode = String(parsed.countryCode)
        }
        let hidden = digits.count - countryCode.count - 4
        return "+" + countryCode + String(repeating: "*", count: max(0, hidden)) + digits.suffix(4)
    }
}
