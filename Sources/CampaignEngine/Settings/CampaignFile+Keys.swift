extension CampaignFile {
    /// Where each object key of a JSON text starts, by dotted path (`rate`, `retry_delay.busy`), in
    /// the order they appear: the source of line and column numbers in errors, and of duplicate keys,
    /// which a JSON parser silently resolves by keeping the last.
    ///
    /// The text has already been parsed as valid JSON, so this scanner only follows strings,
    /// brackets and colons; keys written with escapes are recorded as written.
    /// - Parameter text: Valid JSON.
    /// - Returns: The UTF-8 offsets of each key's opening quote.
    static func keyOffsets(in text: String) -> [String: [Int]] {
        struct Container {
            var isObject: Bool
            var path: String
            var expectsKey: Bool
            var lastKey: String?
        }
        let bytes = Array(text.utf8)
        var stack: [Container] = []
        var offsets: [String: [Int]] = [:]
        var index = 0
        func childPath() -> String {
            guard let top = stack.last else { return "" }
            guard top.isObject, let key = top.lastKey else { return top.path }
            return top.path.isEmpty ? key : top.path + "." + key
        }
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"):
                stack.append(Container(isObject: true, path: childPath(), expectsKey: true))
            case UInt8(ascii: "["):
                stack.append(Container(isObject: false, path: childPath(), expectsKey: false))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = stack.popLast()
            case UInt8(ascii: ","):
                if stack.last?.isObject == true { stack[stack.count - 1].expectsKey = true }
            case UInt8(ascii: ":"):
                if stack.last?.isObject == true { stack[stack.count - 1].expectsKey = false }
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                if let top = stack.last, top.isObject, top.expectsKey {
                    let key = String(decoding: bytes[(start + 1)..<min(index, bytes.count)], as: UTF8.self)
                    stack[stack.count - 1].lastKey = key
                    offsets[top.path.isEmpty ? key : top.path + "." + key, default: []].append(start)
                }
            default:
                break
            }
            index += 1
        }
        return offsets
    }
}
