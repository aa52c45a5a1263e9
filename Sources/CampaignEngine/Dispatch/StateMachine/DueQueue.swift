import CampaignStore
import Foundation

/// The due contacts the run loop dials next: batches loaded from the journal by id from a cursor that
/// wraps to the campaign's start at its end, and contacts put back at the head after an attempt that
/// placed nothing. It decides what to load and when; the run loop's shell does the loading.
///
/// ```swift
/// var queue = DueQueue(refillDelay: .seconds(1), now: now)
/// if case .load(let query) = queue.next(now: now, date: date) {
///     _ = queue.loaded(try journal.dueContacts(now: query.now, afterID: query.afterID, limit: query.limit), for: query, now: now)
/// }
/// ```
struct DueQueue<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// One load of due contacts from the journal.
    struct Query: Sendable, Hashable {
        /// The time they must be due at.
        var now: Date
        /// Only contacts with a larger id.
        var afterID: Int64
        /// The most contacts to load.
        var limit: Int
    }

    /// What the queue has for the dialer.
    enum Next: Sendable, Hashable {
        /// The next due contact.
        case contact(DueContact)
        /// The loaded batch is used up: load the next one.
        case load(Query)
        /// The last load found nothing due in the whole campaign, and the next load is not due yet.
        case empty
    }

    /// What a load brought.
    enum Loaded: Sendable, Hashable {
        /// Contacts to take.
        case contacts
        /// Nothing after the cursor: load again from the campaign's start.
        case reload(Query)
        /// Nothing is due in the whole campaign; the next load waits for the refill delay.
        case exhausted
    }

    /// Contacts per load.
    let batchSize: Int
    /// How long after a load that found nothing the next one may run.
    let refillDelay: Duration
    private var contacts: [DueContact] = []
    private var index = 0
    /// The largest contact id loaded in the current pass over the campaign.
    private(set) var cursor: Int64 = 0
    /// Whether the last load found nothing due in the whole campaign.
    private(set) var isExhausted = false
    /// When the next load may run.
    private(set) var nextLoadAt: Instant

    /// Creates an empty queue whose first load may run at once.
    /// - Parameters:
    ///   - batchSize: Contacts per load (default 512).
    ///   - refillDelay: The wait after a load that found nothing.
    ///   - now: The current instant.
    init(batchSize: Int = 512, refillDelay: Duration, now: Instant) {
        self.batchSize = batchSize
        self.refillDelay = refillDelay
        nextLoadAt = now
    }

    /// Whether loaded or requeued contacts are waiting to be taken.
    var hasQueued: Bool { index < contacts.count }

    /// Takes the next contact, or says what to load.
    /// - Parameters:
    ///   - now: The current instant.
    ///   - date: The current wall-clock time, for the query.
    mutating func next(now: Instant, date: Date) -> Next {
        if index < contacts.count {
            defer { index += 1 }
            return .contact(contacts[index])
        }
        guard now >= nextLoadAt else { return .empty }
        return .load(Query(now: date, afterID: cursor, limit: batchSize))
    }

    /// Takes in the answer to `query`.
    /// - Parameters:
    ///   - batch: The contacts loaded, in id order.
    ///   - query: The query they answer.
    ///   - now: The current instant.
    mutating func loaded(_ batch: [DueContact], for query: Query, now: Instant) -> Loaded {
        if batch.isEmpty, query.afterID > 0 {
            cursor = 0
            return .reload(Query(now: query.now, afterID: 0, limit: batchSize))
        }
        contacts = batch
        index = 0
        cursor = batch.last?.id ?? 0
        guard !batch.isEmpty else {
            isExhausted = true
            nextLoadAt = now.advanced(by: refillDelay)
            return .exhausted
        }
        isExhausted = false
        return .contacts
    }

    /// Puts a contact back at the head of the queue, to be the next one taken.
    mutating func putFirst(_ contact: DueContact) {
        contacts.insert(contact, at: index)
    }
}
