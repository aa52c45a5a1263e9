import CampaignStore
import Foundation
import Testing

@testable import CampaignEngine

@Suite("Due queue")
struct DueQueueTests {
    typealias Queue = DueQueue<TestInstant>

    @Test("an empty queue asks for a load from the cursor at once; loaded contacts come out in order")
    func loadsThenHandsOut() {
        var queue = Queue(batchSize: 2, refillDelay: .milliseconds(500), now: Fixture.at(0))
        let query = Queue.Query(now: Fixture.date(0), afterID: 0, limit: 2)
        #expect(queue.next(now: Fixture.at(0), date: Fixture.date(0)) == .load(query))
        #expect(!queue.hasQueued)
        let batch = [Fixture.contact(1), Fixture.contact(2)]
        #expect(queue.loaded(batch, for: query, now: Fixture.at(0)) == .contacts)
        #expect(queue.hasQueued && !queue.isExhausted && queue.cursor == 2)
        #expect(queue.next(now: Fixture.at(0), date: Fixture.date(0)) == .contact(batch[0]))
        #expect(queue.next(now: Fixture.at(0), date: Fixture.date(0)) == .contact(batch[1]))
        // Used up: the next load starts after the last id.
        #expect(
            queue.next(now: Fixture.at(5), date: Fixture.date(5))
                == .load(Queue.Query(now: Fixture.date(5), afterID: 2, limit: 2))
        )
    }

    @Test("nothing after the cursor wraps the pass to the campaign's start")
    func wrapsAround() {
        var queue = Queue(batchSize: 2, refillDelay: .milliseconds(500), now: Fixture.at(0))
        let first = Queue.Query(now: Fixture.date(0), afterID: 0, limit: 2)
        _ = queue.loaded([Fixture.contact(7)], for: first, now: Fixture.at(0))
        _ = queue.next(now: Fixture.at(0), date: Fixture.date(0))
        let next = Queue.Query(now: Fixture.date(0), afterID: 7, limit: 2)
        #expect(queue.next(now: Fixture.at(0), date: Fixture.date(0)) == .load(next))
        #expect(
            queue.loaded([], for: next, now: Fixture.at(0))
                == .reload(Queue.Query(now: Fixture.date(0), afterID: 0, limit: 2))
        )
        #expect(queue.cursor == 0)
        #expect(!queue.isExhausted)
    }

    @Test("nothing due in the whole campaign: exhausted, and the next load waits for the refill delay")
    func exhausted() {
        var queue = Queue(batchSize: 2, refillDelay: .milliseconds(500), now: Fixture.at(0))
        let query = Queue.Query(now: Fixture.date(100), afterID: 0, limit: 2)
        #expect(queue.loaded([], for: query, now: Fixture.at(100)) == .exhausted)
        #expect(queue.isExhausted)
        #expect(queue.nextLoadAt == Fixture.at(600))
        #expect(queue.next(now: Fixture.at(599), date: Fixture.date(599)) == .empty)
        #expect(
            queue.next(now: Fixture.at(600), date: Fixture.date(600))
                == .load(Queue.Query(now: Fixture.date(600), afterID: 0, limit: 2))
        )
        // A later load that finds contacts ends the exhaustion.
        let later = Queue.Query(now: Fixture.date(600), afterID: 0, limit: 2)
        #expect(queue.loaded([Fixture.contact(3)], for: later, now: Fixture.at(600)) == .contacts)
        #expect(!queue.isExhausted)
    }

    @Test("a contact put back comes out first, even from an exhausted queue")
    func putFirst() {
        var queue = Queue(batchSize: 2, refillDelay: .milliseconds(500), now: Fixture.at(0))
        let query = Queue.Query(now: Fixture.date(0), afterID: 0, limit: 2)
        _ = queue.loaded([Fixture.contact(1), Fixture.contact(2)], for: query, now: Fixture.at(0))
        _ = queue.next(now: Fixture.at(0), date: Fixture.date(0))
        queue.putFirst(Fixture.contact(1, status: .retryWait, attempts: 1))
        #expect(
            queue.next(now: Fixture.at(0), date: Fixture.date(0))
                == .contact(Fixture.contact(1, status: .retryWait, attempts: 1))
        )
        #expect(queue.next(now: Fixture.at(0), date: Fixture.date(0)) == .contact(Fixture.contact(2)))

        var empty = Queue(batchSize: 2, refillDelay: .milliseconds(500), now: Fixture.at(0))
        _ = empty.loaded([], for: query, now: Fixture.at(0))
        empty.putFirst(Fixture.contact(9))
        #expect(empty.hasQueued)
        #expect(empty.next(now: Fixture.at(0), date: Fixture.date(0)) == .contact(Fixture.contact(9)))
    }
}
