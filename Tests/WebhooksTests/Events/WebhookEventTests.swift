import Foundation
import Testing

@testable import Webhooks

@Suite("Webhook events")
struct WebhookEventTests {
    static let campaign = WebhookCampaign(id: 7, name: "Renewals/Pune")
    static let namespace = "7|1763600000000|Renewals/Pune"
    static let contact = WebhookContact(
        id: 42,
        csvRow: 43,
        name: "Asha Rao",
        number: "+919876543210",
        variables: ["plan": "Gold", "city": "Pune", "amount": "1,200"]
    )
    /// 2026-11-20T09:30:05.120Z.
    static let endedAt = Date(timeIntervalSince1970: 1_795_167_005.120)

    static func callEnded(attempt: Int = 2, namespace: String = namespace, at time: Date = endedAt) -> WebhookEvent {
        WebhookEvent.callEnded(
            CallEndedData(
                campaign: campaign,
                contact: contact,
                attempt: attempt,
                callID: "call_7Hq",
                outcome: "completed",
                durationSeconds: 61.5,
                summary: "Agreed to pay on the 5th.\nSaid \"call after 6\".",
                disposition: "promise_to_pay",
                entities: try! WebhookJSON(parsing: #"{"promise_date": "2026-12-05", "amount": 1200, "paid": false}"#),
                cost: 0.12
            ),
            namespace: namespace,
            at: time
        )
    }

    @Test("A call.ended body is compact JSON with sorted keys at every level, the time to the millisecond")
    func exactBody() {
        let body = String(decoding: Self.callEnded().encodedBody(), as: UTF8.self)
        let expected = #"""
            {"data":{"attempt":2,"call_id":"call_7Hq","campaign":{"id":7,"name":"Renewals/Pune"},\#
            "contact":{"csv_row":43,"id":42,"name":"Asha Rao","number":"+919876543210",\#
            "variables":{"amount":"1,200","city":"Pune","plan":"Gold"}},"cost":0.12,"disposition":"promise_to_pay",\#
            "duration_seconds":61.5,"entities":{"amount":1200,"paid":false,"promise_date":"2026-12-05"},\#
            "outcome":"completed","sequence":3,"summary":"Agreed to pay on the 5th.\nSaid \"call after 6\"."},\#
            "timestamp":"2026-11-20T09:30:05.120Z","type":"call.ended"}
            """#
        #expect(body == expected)
    }

    @Test("The same event built again, from stored times, has the same id and the same bytes")
    func deterministic() {
        let first = Self.callEnded()
        let stored = Date(timeIntervalSince1970: Double(1_795_167_005_120) / 1000)
        let again = Self.callEnded(at: stored)
        #expect(again.id == first.id)
        #expect(again.encodedBody() == first.encodedBody())
        #expect(again.message == first.message)
        // Many variables: the order they were given in never shows.
        let names = (0..<40).map { "column\($0)" }
        let forward = WebhookContact(
            id: 1,
            name: "A",
            number: "+15550100",
            variables: Dictionary(uniqueKeysWithValues: names.map { ($0, $0) })
        )
        let backward = WebhookContact(
            id: 1,
            name: "A",
            number: "+15550100",
            variables: Dictionary(uniqueKeysWithValues: names.reversed().map { ($0, $0) })
        )
        let data = { (contact: WebhookContact) in
            ContactFinalizedData(campaign: Self.campaign, contact: contact, state: "completed", attempts: 1)
        }
        #expect(
            WebhookEvent.contactFinalized(data(forward), namespace: "n", at: Self.endedAt).encodedBody()
                == WebhookEvent.contactFinalized(data(backward), namespace: "n", at: Self.endedAt).encodedBody()
        )
    }

    @Test("Ids depend on what the event is about, not on when it was built or what else it says")
    func ids() {
        let event = Self.callEnded()
        #expect(event.id.hasPrefix("evt_"))
        #expect(event.id.count == 36)
        #expect(event.id.dropFirst(4).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        // A call.ended event is its contact's attempt, whenever it is stamped.
        #expect(Self.callEnded(at: Self.endedAt.addingTimeInterval(30)).id == event.id)
        #expect(Self.callEnded(attempt: 3).id != event.id)
        #expect(Self.callEnded(namespace: "7|1763600000001|Renewals/Pune").id != event.id)
        let finalized = WebhookEvent.contactFinalized(
            ContactFinalizedData(campaign: Self.campaign, contact: Self.contact, state: "completed", attempts: 2),
            namespace: Self.namespace,
            at: Self.endedAt
        )
        #expect(finalized.id != event.id)
        // Campaign events are identified by their time.
        let paused = WebhookEvent.campaign(
            .paused(.insufficientBalance),
            campaign: Self.campaign,
            namespace: Self.namespace,
            at: Self.endedAt
        )
        let pausedAgain = WebhookEvent.campaign(
            .paused(.insufficientBalance),
            campaign: Self.campaign,
            namespace: Self.namespace,
            at: Self.endedAt
        )
        let pausedLater = WebhookEvent.campaign(
            .paused(.insufficientBalance),
            campaign: Self.campaign,
            namespace: Self.namespace,
            at: Self.endedAt.addingTimeInterval(0.001)
        )
        let resumed = WebhookEvent.campaign(
            .resumed,
            campaign: Self.campaign,
            namespace: Self.namespace,
            at: Self.endedAt
        )
        #expect(paused.id == pausedAgain.id)
        #expect(paused.id != pausedLater.id)
        #expect(paused.id != resumed.id)
    }

    @Test("A contact's events count up: attempt n ends with 2n − 1, the final state comes after the last")
    func sequence() {
        let first = Self.callEnded(attempt: 1)
        let second = Self.callEnded(attempt: 2)
        let final = WebhookEvent.contactFinalized(
            ContactFinalizedData(campaign: Self.campaign, contact: Self.contact, state: "no_answer", attempts: 2),
            namespace: Self.namespace,
            at: Self.endedAt
        )
        let sequences = [first, second, final].map { $0.data.sequence }
        #expect(sequences == [1, 3, 4])
        let skipped = ContactFinalizedData(
            campaign: Self.campaign,
            contact: Self.contact,
            state: "skipped",
            attempts: 0,
            reason: "opted out"
        )
        #expect(skipped.sequence == 0)
        let campaignEvent = WebhookEvent.campaign(
            .started,
            campaign: Self.campaign,
            namespace: Self.namespace,
            at: Self.endedAt
        )
        #expect(campaignEvent.data.sequence == nil)
    }

    @Test("Every event type, with the campaign events' data and the pause reasons")
    func types() {
        let changes: [(CampaignChange, String, String?)] = [
            (.started, "campaign.started", nil),
            (.paused(.insufficientBalance), "campaign.paused", "insufficient_balance"),
            (.paused(.apiKeyRefused), "campaign.paused", "api_key_refused"),
            (.paused(.byUser), "campaign.paused", "by_user"),
            (.resumed, "campaign.resumed", nil),
            (.completed, "campaign.completed", nil),
            (.cancelled, "campaign.cancelled", nil),
        ]
        for (change, type, reason) in changes {
            let event = WebhookEvent.campaign(
                change,
                campaign: Self.campaign,
                namespace: Self.namespace,
                at: Self.endedAt
            )
            #expect(event.type.rawValue == type)
            let body = String(decoding: event.encodedBody(), as: UTF8.self)
            let reasonJSON = reason.map { #","reason":"\#($0)""# } ?? ""
            #expect(
                body == #"{"data":{"campaign":{"id":7,"name":"Renewals/Pune"}"# + reasonJSON
                    + #"},"timestamp":"2026-11-20T09:30:05.120Z","type":""# + type + #""}"#
            )
        }
        let test = WebhookEvent.test(
            TestEventData(campaign: Self.campaign),
            namespace: Self.namespace,
            at: Self.endedAt
        )
        #expect(test.type == .test)
        #expect(test.type.rawValue == "webhook.test")
        #expect(
            Set(WebhookEventType.allCases.map(\.rawValue)) == [
                "call.ended", "contact.finalized", "campaign.started", "campaign.paused", "campaign.resumed",
                "campaign.completed", "campaign.cancelled", "webhook.test",
            ]
        )
        #expect(WebhookEventType.allCases.filter(\.isAboutContact) == [.callEnded, .contactFinalized])
    }

    @Test("A delivered body reads back as the same event, for every kind")
    func roundTrip() throws {
        let events = [
            Self.callEnded(),
            WebhookEvent.callEnded(
                CallEndedData(
                    campaign: Self.campaign,
                    contact: Self.contact,
                    attempt: 1,
                    outcome: "invalid",
                    error: "422: not a mobile number"
                ),
                namespace: Self.namespace,
                at: Self.endedAt
            ),
            WebhookEvent.contactFinalized(
                ContactFinalizedData(
                    campaign: Self.campaign,
                    contact: Self.contact,
                    state: "skipped",
                    attempts: 1,
                    reason: "opted out"
                ),
                namespace: Self.namespace,
                at: Self.endedAt
            ),
            WebhookEvent.campaign(
                .paused(.apiKeyRefused),
                campaign: Self.campaign,
                namespace: Self.namespace,
                at: Self.endedAt
            ),
            WebhookEvent.campaign(.completed, campaign: Self.campaign, namespace: Self.namespace, at: Self.endedAt),
            WebhookEvent.test(TestEventData(campaign: Self.campaign), namespace: Self.namespace, at: Self.endedAt),
        ]
        for event in events {
            let message = event.message
            let decoded = try WebhookEvent(id: message.id, body: message.body)
            #expect(decoded == event)
            #expect(decoded.encodedBody() == message.body)
            #expect(message.type == event.type.rawValue)
        }
    }

    @Test("Bodies that are not events of a known type are refused with the reason")
    func refusesUnknown() {
        let cases = [
            ("not json", "is not {\"type\""),
            (#"{"type":"call.started","timestamp":"2026-11-20T09:30:05.120Z","data":{}}"#, "call.started is not one"),
            (#"{"type":"call.ended","timestamp":"yesterday","data":{}}"#, "yesterday is not ISO 8601"),
            (
                #"{"type":"call.ended","timestamp":"2026-11-20T09:30:05Z","data":{"attempt":1}}"#,
                "does not have its fields"
            ),
        ]
        for (body, complaint) in cases {
            let error = #expect(throws: WebhookError.self) { try WebhookEvent(id: "evt_1", body: Array(body.utf8)) }
            #expect(error == .invalidEvent)
            #expect(error?.message.contains(complaint) == true, "\(error?.message ?? "")")
        }
    }

    @Test("Times are written to the millisecond in UTC; finer times are cut, not rounded up")
    func timestamps() {
        #expect(CivilTime.iso8601(milliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(CivilTime.iso8601(milliseconds: 951_782_400_000) == "2000-02-29T00:00:00.000Z")
        #expect(CivilTime.iso8601(milliseconds: -1) == "1969-12-31T23:59:59.999Z")
        #expect(CivilTime.epochMilliseconds(Date(timeIntervalSince1970: 1_795_167_005.1209)) == 1_795_167_005_120)
        var random = SeededGenerator(seed: 17)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for _ in 0..<2000 {
            let milliseconds = Int64.random(in: -2_000_000_000_000...8_000_000_000_000, using: &random)
            let text = CivilTime.iso8601(milliseconds: milliseconds)
            #expect(CivilTime.milliseconds(iso8601: text) == milliseconds)
            #expect(
                CivilTime.epochMilliseconds(Date(timeIntervalSince1970: Double(milliseconds) / 1000)) == milliseconds
            )
            let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
            #expect(text.prefix(19) == formatter.string(from: Date(timeIntervalSince1970: Double(seconds))).prefix(19))
        }
    }

    @Test("Entities keep integers exact, refuse text that is not JSON, and write non-finite numbers as null")
    func json() throws {
        let value = try WebhookJSON(parsing: #"{"n": 9007199254740993, "x": 1.25, "list": [true, null, "a"]}"#)
        #expect(
            value
                == .object([
                    "n": .integer(9_007_199_254_740_993), "x": .number(1.25),
                    "list": .array([.bool(true), .null, .string("a")]),
                ])
        )
        #expect(throws: WebhookError.invalidEvent) { try WebhookJSON(parsing: "{nope") }
        let data = try WebhookEvent.encoder().encode(
            WebhookJSON.array([.number(.nan), .number(.infinity), .integer(-3)])
        )
        #expect(String(decoding: data, as: UTF8.self) == "[null,null,-3]")
        let infinite = CallEndedData(
            campaign: Self.campaign,
            contact: Self.contact,
            attempt: 1,
            outcome: "completed",
            durationSeconds: .nan,
            cost: .infinity
        )
        #expect(infinite.durationSeconds == nil && infinite.cost == nil)
    }
}
