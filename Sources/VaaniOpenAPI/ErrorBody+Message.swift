import OpenAPIRuntime

extension Components.Schemas.ErrorBody {
    /// The human-readable message of an error body: `detail` when it is text, the `msg` of each
    /// validation problem when `detail` is a list (FastAPI style), else `message`.
    package var humanMessage: String? {
        if let detail = detail?.value {
            if let text = detail as? String { return text }
            if let problems = detail as? [(any Sendable)?] {
                let messages = problems.compactMap { problem -> String? in
                    guard let object = problem as? [String: (any Sendable)?] else { return nil }
                    let message = object["msg"] as? String
                    let location = (object["loc"] as? [(any Sendable)?])?.compactMap { $0.map { "\($0)" } }
                    guard let message else { return nil }
                    if let location, !location.isEmpty { return "\(location.joined(separator: ".")): \(message)" }
                    return message
                }
                if !messages.isEmpty { return messages.joined(separator: "; ") }
            }
        }
        return message
    }
}
