import Foundation
import Testing

@testable import Webhooks

@Suite("Webhook secrets")
struct WebhookSecretTests {
    /// The Standard Webhooks libraries' test secret (24 bytes).
    static let referenceSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    @Test("A whsec_ secret parses, with its file's newline and without base64 padding")
    func parses() throws {
        let secret = try WebhookSecret(parsing: Self.referenceSecret + "\n")
        #expect(secret.byteCount == 24)
        #expect(secret.serialized == Self.referenceSecret)

        let sixtyFour = WebhookSecret.generate(byteCount: 64)
        let unpadded = String(sixtyFour.serialized.prefix { $0 != "=" })
        #expect(unpadded.count < sixtyFour.serialized.count)
        #expect(try WebhookSecret(parsing: unpadded) == sixtyFour)
    }

    @Test(
        "Unusable secrets are refused with what is wrong, never with the secret",
        arguments: [
            ("", "is empty"),
            ("   \n", "is empty"),
            ("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "does not start with whsec_"),
            ("whsec_MfKQ9r8GKYqr-wjUPD8ILPZIo2LaLaSw", "character 13 after the prefix is not one of"),
            ("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo", "its length or padding is wrong"),
            ("whsec_MfKQ=9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "its length or padding is wrong"),
            ("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", "is too short: it holds 23 bytes"),
            ("whsec_c2hvcnQgc2VjcmV0IGtleQ==", "is too short: it holds 16 bytes"),
            ("whsec_" + Data(repeating: 7, count: 65).base64EncodedString(), "is too long: it holds 65 bytes"),
        ]
    )
    func refuses(text: String, complaint: String) {
        let error = #expect(throws: WebhookError.self) { try WebhookSecret(parsing: text) }
        let message = error?.message ?? ""
        #expect(error == .invalidSecret)
        #expect(message.contains(complaint), "\(message)")
        #expect(message.contains("24 to 64 random bytes"))
        let secretPart = text.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst(6)
        #expect(secretPart.count < 4 || !message.contains(secretPart))
    }

    @Test("The smallest and largest secrets parse")
    func bounds() throws {
        for count in [24, 64] {
            let text = "whsec_" + Data((0..<count).map { UInt8($0) }).base64EncodedString()
            #expect(try WebhookSecret(parsing: text).byteCount == count)
        }
    }

    @Test("Generated secrets are new, of the asked size within 24…64, and parse back")
    func generates() throws {
        let first = WebhookSecret.generate()
        let second = WebhookSecret.generate()
        #expect(first != second)
        #expect(first.byteCount == 32)
        #expect(try WebhookSecret(parsing: first.serialized) == first)
        #expect(WebhookSecret.generate(byteCount: 8).byteCount == 24)
        #expect(WebhookSecret.generate(byteCount: 500).byteCount == 64)
    }

    @Test("Description, debug description, dump and interpolation never show the key")
    func neverShown() throws {
        let secret = try WebhookSecret(parsing: Self.referenceSecret)
        let key = String(Self.referenceSecret.dropFirst(6))
        var dumped = ""
        dump(secret, to: &dumped)
        for text in [secret.description, secret.debugDescription, "\(secret)", String(reflecting: secret), dumped] {
            #expect(!text.contains(key))
            #expect(!text.contains(key.prefix(8)))
        }
        #expect(secret.description == "whsec_… (24 bytes, fingerprint \(secret.fingerprint))")
        #expect(secret.fingerprint.count == 8)
        #expect(secret.fingerprint != WebhookSecret.generate().fingerprint)
    }
}
