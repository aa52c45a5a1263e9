import Foundation
import Testing

@testable import VaaniAPI

@Suite("Models")
struct ModelDecodingTests {
    @Test("Session event frames decode to typed events, anything else is kept raw")
    func sessionEvents() {
        #expect(SessionEvent(frame: #"{"event":"agent_ready","room":"r1"}"#) == .agentReady)
        #expect(SessionEvent(frame: #"{"event":"agent_timeout"}"#) == .agentTimeout)
        #expect(SessionEvent(frame: #"{"event":"session_ended","reason":"ttl"}"#) == .sessionEnded(reason: "ttl"))
        #expect(SessionEvent(frame: #"{"event":"session_ended"}"#) == .sessionEnded(reason: nil))
        #expect(SessionEvent(frame: #"{"event":"agent_speaking"}"#) == .unknown(#"{"event":"agent_speaking"}"#))
        #expect(SessionEvent(frame: "not json") == .unknown("not json"))
    }

    @Test("JSON values round-trip and keep integers apart from fractions")
    func jsonValues() throws {
        let text = #"{"a":1,"b":1.5,"c":"x","d":[true,null],"e":{"f":-2}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value["a"] == .int(1))
        #expect(value["b"] == .double(1.5))
        #expect(value["c"]?.stringValue == "x")
        #expect(value["d"]?[0] == .bool(true))
        #expect(value["d"]?[1]?.isNull == true)
        #expect(value["e"]?["f"]?.intValue == -2)
        let again = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
        #expect(again == value)
        let literal: JSONValue = ["a": 1, "b": 1.5, "c": "x", "d": [true, nil], "e": ["f": -2]]
        #expect(literal == value)
    }

    @Test("JSON values convert to and from the OpenAPI runtime's containers")
    func openAPIConversion() throws {
        let object: JSONObject = ["name": "Asha", "amount": 1200, "ratio": 0.5, "tags": ["vip"], "none": nil]
        let container = try OpenAPIObjectContainerRoundTrip.roundTrip(object)
        #expect(container == object)
    }

    @Test("The events URL switches the scheme and keeps a base path")
    func eventsURL() async throws {
        let http = VaaniConfiguration(apiKey: "k", baseURL: URL(string: "http://127.0.0.1:8001")!)
        let https = VaaniConfiguration(apiKey: "k", baseURL: URL(string: "https://api.example.com/v2/")!)
        try await VaaniClient.withClient(http) { client in
            #expect(client.sessions.eventsURL(token: "abc").absoluteString == "ws://127.0.0.1:8001/api/webrtc/session/ws/abc")
        }
        try await VaaniClient.withClient(https) { client in
            #expect(
                client.sessions.eventsURL(token: "a/b c").absoluteString
                    == "wss://api.example.com/v2/api/webrtc/session/ws/a%2Fb%20c"
            )
        }
    }
}
