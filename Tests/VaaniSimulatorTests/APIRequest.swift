import AsyncHTTPClient
import SimulatorHarness
import Foundation
import NIOCore
import NIOHTTP1
import VaaniSimulator

/// A raw HTTP exchange with the simulator: the tests speak the wire format the public
/// documentation describes, not any client library of ours.
struct APIResponse {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]

    /// The body parsed as JSON.
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var text: String { String(decoding: body, as: UTF8.self) }
}

extension RunningSimulator {
    /// Sends a request with this simulator's key (or the given one, or none when `apiKey` is "").
    func send(
        _ method: HTTPMethod,
        _ path: String,
        json: Any? = nil,
        apiKey: String? = nil,
        headers extra: [(String, String)] = [],
        timeout: TimeAmount = .seconds(30)
    ) async throws -> APIResponse {
        var request = HTTPClientRequest(url: baseURL.absoluteString + path)
        request.method = method
        let key = apiKey ?? self.apiKey
        if !key.isEmpty { request.headers.add(name: "X-API-Key", value: key) }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json)))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: 64 << 20)
        return APIResponse(status: Int(response.status.code), headers: response.headers, body: Array(body.readableBytesView))
    }

    /// Triggers a telephony call to the demo agent.
    func trigger(
        _ number: String,
        name: String = "Asha Verma",
        metadata: [String: Any] = [:],
        idempotencyKey: String? = nil,
        extra: [String: Any] = [:],
        timeout: TimeAmount = .seconds(30)
    ) async throws -> APIResponse {
        var body: [String: Any] = [
            "agent_id": SimulatorConfiguration.demoAgentID, "contact_number": number, "name": name,
            "metadata": metadata,
        ]
        body.merge(extra) { $1 }
        return try await send(
            .POST, "/api/trigger-call/", json: body,
            headers: idempotencyKey.map { [("Idempotency-Key", $0)] } ?? [], timeout: timeout
        )
    }

    /// Polls a call's details until its status is final.
    func waitUntilEnded(_ callID: String) async throws -> [String: Any] {
        let finals: Set<String> = ["completed", "no_answer", "busy", "failed", "voicemail"]
        for _ in 0..<2_000 {
            let details = try await send(.GET, "/api/call_details/\(callID)").object
            if let status = details["call_status"] as? String, finals.contains(status) { return details }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw TestFailure("call \(callID) never ended")
    }
}

extension APIResponse {
    /// `output.call_id` of a trigger response.
    var callID: String? { (object["output"] as? [String: Any])?["call_id"] as? String }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
