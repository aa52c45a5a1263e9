import Foundation
import Testing

@testable import Webhooks

/// The Standard Webhooks test vectors and verification cases, from the reference libraries' own tests:
/// standard-webhooks/standard-webhooks `libraries/python/tests/test_webhooks.py` (`test_sign_function`,
/// `test_invalid_signature_raises_error`, `test_multi_sig_payload_is_valid`, …),
/// `libraries/javascript/src/webhook.test.ts` ("sign function works") and `libraries/go/webhook_test.go`
/// (`TestWebhookSign`), which share the secret, message id, timestamp, payload and expected signature.
@Suite("Standard Webhooks signing")
struct WebhookSignerTests {
    static let secretText = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let messageID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let timestamp: Int64 = 1_614_265_330
    static let payload = Array(#"{"test": 2432232314}"#.utf8)
    static let expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

    private let signer: WebhookSigner
    private let now = Date(timeIntervalSince1970: Double(Self.timestamp))

    init() throws {
        signer = WebhookSigner(secret: try WebhookSecret(parsing: Self.secretText))
    }

    private func headers(signature: String? = nil, timestamp: Int64 = Self.timestamp) -> WebhookHeaders {
        WebhookHeaders(id: Self.messageID, timestamp: timestamp, signature: signature ?? Self.expected)
    }

    @Test("Signs the reference vector exactly")
    func signsVector() {
        #expect(signer.signature(id: Self.messageID, timestamp: Self.timestamp, body: Self.payload) == Self.expected)
        let headers = signer.headers(id: Self.messageID, timestamp: now.addingTimeInterval(0.75), body: Self.payload)
        #expect(headers == WebhookHeaders(id: Self.messageID, timestamp: Self.timestamp, signature: Self.expected))
    }

    @Test("Verifies the reference vector, with or without other entries around it")
    func verifiesVector() throws {
        try signer.verify(headers(), body: Self.payload, now: now)
        let noise = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="
        let several = [noise, "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", Self.expected, noise]
        try signer.verify(headers(signature: several.joined(separator: " ")), body: Self.payload, now: now)
    }

    @Test(
        "Refuses wrong, partial and foreign signatures",
        arguments: [
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=",
            "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
            "v1,dawfeoifkpqwoekfpqoekf",
            String(expected.prefix(8)),
            "v1,",
            "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        ]
    )
    func refusesSignature(signature: String) {
        #expect(throws: WebhookError.invalidSignature) {
            try signer.verify(headers(signature: signature), body: Self.payload, now: now)
        }
    }

    @Test("Refuses a body changed by one byte")
    func refusesChangedBody() {
        #expect(throws: WebhookError.invalidSignature) {
            try signer.verify(headers(), body: Array(#"{"test": 2432232315}"#.utf8), now: now)
        }
    }

    @Test("Refuses timestamps more than 5 minutes off, either way")
    func refusesStaleTimestamps() throws {
        let old = Self.timestamp - 301
        let future = Self.timestamp + 301
        for timestamp in [old, future] {
            let signature = signer.signature(id: Self.messageID, timestamp: timestamp, body: Self.payload)
            #expect(throws: WebhookError.invalidSignature) {
                try signer.verify(headers(signature: signature, timestamp: timestamp), body: Self.payload, now: now)
            }
        }
        let edge = signer.signature(id: Self.messageID, timestamp: Self.timestamp - 299, body: Self.payload)
        try signer.verify(headers(signature: edge, timestamp: Self.timestamp - 299), body: Self.payload, now: now)
    }

    @Test("Reads the three headers from a request, and says which is missing or malformed")
    func readsHeaders() throws {
        let fields = [
            (name: "Webhook-Id", value: Self.messageID), (name: "WEBHOOK-TIMESTAMP", value: "\(Self.timestamp)"),
            (name: "webhook-signature", value: Self.expected), (name: "content-type", value: "application/json"),
        ]
        #expect(try WebhookHeaders(fields) == headers())
        for missing in ["webhook-id", "webhook-timestamp", "webhook-signature"] {
            let error = #expect(throws: WebhookError.self) {
                try WebhookHeaders(fields.filter { $0.name.lowercased() != missing })
            }
            #expect(error?.message == "the request has no \(missing) header")
        }
        var invalid = fields
        invalid[1].value = "hello"
        #expect(throws: WebhookError.invalidSignature) { try WebhookHeaders(invalid) }
    }

    @Test("Rotation: each secret signs, a receiver with either verifies, a receiver with neither does not")
    func rotation() throws {
        let old = try WebhookSecret(parsing: Self.secretText)
        let new = WebhookSecret.generate()
        let rotating = WebhookSigner(secrets: [new, old, new])
        #expect(rotating.secrets == [new, old])
        let header = rotating.headers(id: Self.messageID, timestamp: now, body: Self.payload)
        let entries = header.signature.split(separator: " ")
        #expect(entries.count == 2)
        #expect(entries.allSatisfy { $0.hasPrefix("v1,") })
        #expect(String(entries[1]) == Self.expected)
        try WebhookSigner(secret: old).verify(header, body: Self.payload, now: now)
        try WebhookSigner(secret: new).verify(header, body: Self.payload, now: now)
        #expect(throws: WebhookError.invalidSignature) {
            try WebhookSigner(secret: WebhookSecret.generate()).verify(header, body: Self.payload, now: now)
        }
    }
}
