import CampaignStore
import Testing

@testable import CampaignEngine

@Suite("Write buffer")
struct WriteBufferTests {
    let entry = JournalEntry(contactID: 1, status: .dialing, attempts: 1)

    @Test("a batch is due at its size or its age; taking it empties the buffer")
    func dueAtSizeOrAge() {
        var buffer = WriteBuffer(
            batchSize: 2,
            maximumAge: .milliseconds(100),
            remembersRateLimit: false,
            now: Fixture.at(0)
        )
        #expect(buffer.take(at: Fixture.date(0)) == nil)
        buffer.append(entry)
        #expect(!buffer.isDue(now: Fixture.at(99)))
        #expect(buffer.isDue(now: Fixture.at(100)))
        buffer.append(entry)
        #expect(buffer.isDue(now: Fixture.at(1)))
        #expect(buffer.take(at: Fixture.date(1)) == JournalWrite(entries: [entry, entry], learnedRateLimit: nil))
        #expect(buffer.entries.isEmpty)
        #expect(buffer.take(at: Fixture.date(1)) == nil)
    }

    @Test("a write of entries restarts the age; a write of a learned limit alone does not")
    func written() {
        var buffer = WriteBuffer(maximumAge: .milliseconds(100), remembersRateLimit: true, now: Fixture.at(0))
        buffer.learned(rateLimit: 9)
        let limitOnly = buffer.take(at: Fixture.date(50))
        #expect(
            limitOnly == JournalWrite(entries: [], learnedRateLimit: .init(requestsPerSecond: 9, at: Fixture.date(50)))
        )
        buffer.written(limitOnly!, at: Fixture.at(50))
        #expect(buffer.lastWrite == Fixture.at(0))
        buffer.append(entry)
        let write = buffer.take(at: Fixture.date(60))!
        buffer.written(write, at: Fixture.at(60))
        #expect(buffer.lastWrite == Fixture.at(60))
        #expect(!buffer.isDue(now: Fixture.at(159)))
    }

    @Test("a learned limit is kept only when the key's fingerprint is known; the latest replaces an unwritten one")
    func learnedLimit() {
        var forgetting = WriteBuffer(remembersRateLimit: false, now: Fixture.at(0))
        forgetting.learned(rateLimit: 12)
        #expect(forgetting.learnedRateLimit == nil)
        #expect(forgetting.take(at: Fixture.date(0)) == nil)

        var remembering = WriteBuffer(remembersRateLimit: true, now: Fixture.at(0))
        remembering.learned(rateLimit: 12)
        remembering.learned(rateLimit: 10)
        remembering.append(entry)
        #expect(
            remembering.take(at: Fixture.date(5))
                == JournalWrite(entries: [entry], learnedRateLimit: .init(requestsPerSecond: 10, at: Fixture.date(5)))
        )
        #expect(remembering.learnedRateLimit == nil)
    }
}
