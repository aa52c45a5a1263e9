import CampaignStore
import CampaignEngine
import Foundation
import Testing

@Suite("Attempt identity")
struct AttemptIdentityTests {
    @Test("the same campaign, contact and attempt number give the same id in every process")
    func deterministic() {
        let id = AttemptIdentity.id(campaign: "7:1800000000000:renewals", contactID: 42, number: 1)
        #expect(id == AttemptIdentity.id(campaign: "7:1800000000000:renewals", contactID: 42, number: 1))
        // Fixed: a change of derivation would give resumed campaigns new idempotency keys.
        #expect(id.uuidString == "8B7BDBF8-EEE1-8C9E-8D43-7CA64CB615B6")
    }

    @Test("ids differ by campaign, contact and attempt number and carry the version and variant bits")
    func distinct() {
        var seen = Set<UUID>()
        for campaign in ["1:100:a", "1:101:a", "2:100:a", "1:100:b"] {
            for contact in Int64(1)...200 {
                for number in 1...3 {
                    let id = AttemptIdentity.id(campaign: campaign, contactID: contact, number: number)
                    #expect(seen.insert(id).inserted)
                    let text = id.uuidString
                    #expect(Array(text)[14] == "8")
                    #expect("89AB".contains(Array(text)[19]))
                }
            }
        }
        #expect(seen.count == 4 * 200 * 3)
    }
}
