import Foundation

extension WebhookEvent {
    /// The JSON body: `{"data":…,"timestamp":"2026-11-20T09:30:05.120Z","type":"call.ended"}`, keys
    /// sorted at every level, no whitespace, `/` not escaped. The same event always gives the same bytes.
    public func encodedBody() -> [UInt8] {
        let envelope = Envelope(
            type: type.rawValue,
            timestamp: CivilTime.iso8601(milliseconds: milliseconds),
            data: data
        )
        do {
            return Array(try Self.encoder().encode(envelope))
        } catch {
            // Only a number that is not finite can fail to encode, and the data types leave those out.
            preconditionFailure("a webhook event failed to encode: \(error)")
        }
    }

    /// Reads an event back from a delivered body, as a receiver (or a test) does.
    /// - Parameters:
    ///   - id: The `webhook-id` the body came with.
    ///   - body: The body.
    /// - Throws: ``WebhookError/invalidEvent`` when the body is not an event of a known type.
    public init(id: String, body: some Collection<UInt8>) throws {
        let head: Head
        do {
            head = try JSONDecoder().decode(Head.self, from: Data(body))
        } catch {
            throw WebhookError.invalidEvent.with("the body is not {\"type\", \"timestamp\", \"data\"} JSON")
        }
        guard let type = WebhookEventType(rawValue: head.type) else {
            throw WebhookError.invalidEvent.with("the event type \(head.type) is not one this version knows")
        }
        guard let milliseconds = CivilTime.milliseconds(iso8601: head.timestamp) else {
            throw WebhookError.invalidEvent.with("the timestamp \(head.timestamp) is not ISO 8601 in UTC")
        }
        let decoder = JSONDecoder()
        let data: WebhookEventData
        do {
            switch type {
            case .callEnded:
                data = .callEnded(try decoder.decode(Body<CallEndedData>.self, from: Data(body)).data)
            case .contactFinalized:
                data = .contactFinalized(try decoder.decode(Body<ContactFinalizedData>.self, from: Data(body)).data)
            case .campaignStarted, .campaignPaused, .campaignResumed, .campaignCompleted, .campaignCancelled:
                data = .campaign(try decoder.decode(Body<CampaignEventData>.self, from: Data(body)).data)
            case .test:
                data = .test(try decoder.decode(Body<TestEventData>.self, from: Data(body)).data)
            }
        } catch {
            throw WebhookError.invalidEvent.with("the data of the \(type.rawValue) event does not have its fields")
        }
        self.init(id: id, type: type, milliseconds: milliseconds, data: data)
    }

    /// The encoder of every body: sorted keys, compact, `/` left as it is.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private struct Envelope: Encodable {
        var type: String
        var timestamp: String
        var data: WebhookEventData
    }

    private struct Head: Decodable {
        var type: String
        var timestamp: String
    }

    private struct Body<Payload: Decodable>: Decodable {
        var data: Payload
    }
}

extension WebhookEventData: Encodable {
    /// Encodes the payload of whichever kind the data is.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .callEnded(let data): try data.encode(to: encoder)
        case .contactFinalized(let data): try data.encode(to: encoder)
        case .campaign(let data): try data.encode(to: encoder)
        case .test(let data): try data.encode(to: encoder)
        }
    }
}
