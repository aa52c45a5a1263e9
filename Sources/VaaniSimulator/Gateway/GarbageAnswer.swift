import HTTPTypes
import OpenAPIRuntime

/// The hostile answers of the simulator's `garbage` fault, sent in this order: what a broken
/// deployment, a proxy or a load balancer in front of the real API may send. The first three come
/// after the call was placed (so the client cannot know whether it was), the last two without placing.
/// The raw value is the name under which `GET /_sim/stats` counts each one in `faults`.
public enum GarbageAnswer: String, CaseIterable, Sendable {
    /// `200` with JSON cut off in the middle of the call id.
    case truncatedJSON = "garbage-truncated-json"
    /// `200` with valid JSON of the wrong types: `success` a string, `output` a list.
    case wrongTypes = "garbage-wrong-types"
    /// `200` with a JSON body that never ends (64 MiB of padding, chunked, no length announced).
    case endlessBody = "garbage-endless-body"
    /// `503` with a load balancer's HTML page.
    case htmlServiceUnavailable = "garbage-html-503"
    /// `418`, a status outside the documented table.
    case teapot = "garbage-418"

    /// Whether the call is placed before the answer is spoiled.
    public var placesCall: Bool {
        switch self {
        case .truncatedJSON, .wrongTypes, .endlessBody: true
        case .htmlServiceUnavailable, .teapot: false
        }
    }

    /// The size of the endless body: far over any sane client limit.
    static let endlessBodySize = 64 << 20

    var response: (HTTPResponse, HTTPBody?) {
        switch self {
        case .truncatedJSON:
            return json(.ok, #"{"success": true, "message": "Call initiated", "output": {"agent_name": "demo-agent", "call_id": "c"#)
        case .wrongTypes:
            return json(.ok, #"{"success": "yes", "message": 42, "output": [{"call_id": 1234567}]}"#)
        case .endlessBody:
            let body = HTTPBody(
                PaddingChunks(prefix: Array(#"{"success": true, "padding": ""#.utf8), total: Self.endlessBodySize),
                length: .unknown,
                iterationBehavior: .single
            )
            return (HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"]), body)
        case .htmlServiceUnavailable:
            let page = "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center>"
                + "<h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>"
            return (
                HTTPResponse(status: .serviceUnavailable, headerFields: [.contentType: "text/html"]),
                HTTPBody(page)
            )
        case .teapot:
            return json(.init(code: 418, reasonPhrase: "I'm a teapot"), #"{"message": "I'm a teapot"}"#)
        }
    }

    private func json(_ status: HTTPResponse.Status, _ text: String) -> (HTTPResponse, HTTPBody?) {
        (HTTPResponse(status: status, headerFields: [.contentType: "application/json"]), HTTPBody(text))
    }
}

/// `prefix` followed by spaces up to `total` bytes, produced 64 KiB at a time so the simulator never
/// holds the whole body.
struct PaddingChunks: AsyncSequence, Sendable {
    typealias Element = HTTPBody.ByteChunk

    let prefix: [UInt8]
    let total: Int

    func makeAsyncIterator() -> Iterator { Iterator(prefix: prefix, remaining: total) }

    struct Iterator: AsyncIteratorProtocol {
        var prefix: [UInt8]
        var remaining: Int
        static let padding = [UInt8](repeating: UInt8(ascii: " "), count: 64 * 1024)

        mutating func next() async throws -> HTTPBody.ByteChunk? {
            guard remaining > 0 else { return nil }
            if !prefix.isEmpty {
                defer { prefix = [] }
                remaining -= prefix.count
                return prefix[...]
            }
            let count = Swift.min(remaining, Self.padding.count)
            remaining -= count
            return Self.padding[..<count]
        }
    }
}
