import Foundation
import Testing

@testable import Webhooks

/// Cross-checks with the reference implementation: what we sign, the Python `standardwebhooks`
/// library (`Webhook(secret).verify(body, headers)`) verifies, as a receiver using it would.
@Suite(
    "Standard Webhooks reference library",
    .enabled(if: ReferenceLibrary.isAvailable, "\(ReferenceLibrary.unavailableReason ?? "")")
)
struct ReferenceLibraryTests {
    @Test("The Python library verifies an event we signed, with one secret and during a rotation")
    func pythonVerifies() async throws {
        let secret = WebhookSecret.generate()
        let old = WebhookSecret.generate(byteCount: 24)
        let event = WebhookEvent.callEnded(
            CallEndedData(
                campaign: WebhookCampaign(id: 3, name: "Renewals / Pune"),
                contact: WebhookContact(
                    id: 42,
                    name: "Asha Rao",
                    number: "+919876543210",
                    variables: ["plan": "Gold ✨"]
                ),
                attempt: 1,
                callID: "call_7Hq",
                outcome: "completed",
                summary: "Agreed to pay on the 5th.\nCall back \"after 6\"."
            ),
            namespace: "3|1763600000000|Renewals / Pune",
            at: Date()
        )
        let message = event.message
        for signer in [WebhookSigner(secret: secret), WebhookSigner(secrets: [secret, old])] {
            let headers = signer.headers(id: message.id, timestamp: Date(), body: message.body)
            for key in signer.secrets {
                let result = try #require(
                    await ReferenceLibrary.verify(secret: key.serialized, headers: headers.fields, body: message.body)
                )
                #expect(result.status == 0, "standardwebhooks said: \(result.output)")
            }
        }
        // And it refuses what it should: a body changed after signing.
        let headers = WebhookSigner(secret: secret).headers(id: message.id, timestamp: Date(), body: message.body)
        let tampered = try #require(
            await ReferenceLibrary.verify(
                secret: secret.serialized,
                headers: headers.fields,
                body: message.body + [0x20]
            )
        )
        #expect(tampered.status == 1)
    }
}
