import CampaignStore
import Foundation
import Testing

@testable import CampaignEngine

typealias TestInstant = ManualClock.Instant
typealias Machine = DispatchStateMachine<TestInstant>

/// Instants, dates, contacts and machines for the state machine's tests, which run with no I/O.
enum Fixture {
    /// The wall-clock time at the start: Friday 2027-01-15 08:00 UTC.
    static let origin = Date(timeIntervalSince1970: 1_800_000_000)

    /// The instant `milliseconds` after the start.
    static func at(_ milliseconds: Int) -> TestInstant {
        TestInstant(offset: .milliseconds(milliseconds))
    }

    /// The wall-clock date `milliseconds` after the start.
    static func date(_ milliseconds: Int) -> Date {
        origin.addingTimeInterval(Double(milliseconds) / 1000)
    }

    /// Settings that pace nothing and poll twice a second.
    static func configuration(_ tweak: (inout EngineConfiguration) -> Void = { _ in }) -> EngineConfiguration {
        var configuration = EngineConfiguration(concurrency: 2, rate: 0, pollInterval: .milliseconds(500))
        tweak(&configuration)
        return configuration
    }

    static func contact(
        _ id: Int64,
        status: ContactStatus = .pending,
        attempts: Int = 0,
        suppressed: Bool = false,
        timeZone: String? = nil
    ) -> DueContact {
        DueContact(
            id: id,
            name: "Contact \(id)",
            phoneNumber: "+9198765\(String(format: "%05d", id))",
            timeZone: timeZone,
            status: status,
            attempts: attempts,
            isSuppressed: suppressed
        )
    }

    static func gate(
        nextSlot: TestInstant = at(0),
        pausedUntil: TestInstant? = nil,
        pace: Double? = nil
    ) -> GateReading<TestInstant> {
        GateReading(nextSlot: nextSlot, pausedUntil: pausedUntil, pace: pace)
    }

    static func snapshot(
        counts: [ContactStatus: Int] = [:],
        learnedRateLimit: Double? = nil,
        unfinished: [OpenAttempt] = [],
        inProgress: [OpenAttempt] = []
    ) -> Machine.RunSnapshot {
        Machine.RunSnapshot(
            counts: counts,
            attemptNamespace: "campaign-ns",
            learnedRateLimit: learnedRateLimit,
            unfinishedAttempts: unfinished,
            callsInProgress: inProgress
        )
    }

    /// A machine created at the start instant, not started.
    static func newMachine(
        _ configuration: EngineConfiguration = configuration(),
        untilIdle: Bool = false,
        remembersRateLimit: Bool = false
    ) -> Machine {
        Machine(
            configuration: configuration,
            untilIdle: untilIdle,
            timeline: RunTimeline(start: at(0), origin: origin),
            jitterSeed: 7,
            remembersRateLimit: remembersRateLimit
        )
    }

    /// A machine started with `counts` and nothing left unfinished, past reconciliation.
    static func machine(
        _ configuration: EngineConfiguration = configuration(),
        counts: [ContactStatus: Int] = [:],
        untilIdle: Bool = false,
        remembersRateLimit: Bool = false
    ) -> Machine {
        var machine = newMachine(configuration, untilIdle: untilIdle, remembersRateLimit: remembersRateLimit)
        #expect(machine.start(snapshot(counts: counts)) == .reconcile)
        #expect(machine.reconciliationRound(now: at(0), stopRequested: false, gate: gate()) == .dispatch)
        return machine
    }

    /// The id of a contact's attempt.
    static func attemptID(_ contactID: Int64, number: Int = 1) -> UUID {
        AttemptIdentity.id(campaign: "campaign-ns", contactID: contactID, number: number)
    }

    /// The attempt the machine starts for a pending contact at `milliseconds`.
    static func attempt(_ contact: DueContact, at milliseconds: Int = 0, isProbe: Bool = false) -> DispatchAttempt {
        var lifecycle = ContactLifecycle(contact)
        _ = lifecycle.startAttempt(maxAttempts: 3)
        return DispatchAttempt(
            contact: contact,
            lifecycle: lifecycle,
            attemptID: attemptID(contact.id, number: lifecycle.attempts),
            startedAt: date(milliseconds),
            isProbe: isProbe
        )
    }
}

/// The journal's due contacts, in memory: the writes a machine asks for change them, and loads read them
/// as the journal would.
struct DueStore {
    var contacts: [Int64: DueContact]

    init(_ contacts: [DueContact]) {
        self.contacts = Dictionary(uniqueKeysWithValues: contacts.map { ($0.id, $0) })
    }

    func load(_ query: DueQueue<TestInstant>.Query) -> [DueContact] {
        let due = contacts.values.filter { contact in
            contact.id > query.afterID && contact.status.isDialable
                && (contact.nextAttemptAt.map { $0 <= query.now } ?? true)
        }
        return Array(due.sorted { $0.id < $1.id }.prefix(query.limit))
    }

    mutating func apply(_ write: JournalWrite?) {
        for entry in write?.entries ?? [] {
            contacts[entry.contactID]?.status = entry.status
            contacts[entry.contactID]?.attempts = entry.attempts
            contacts[entry.contactID]?.nextAttemptAt = entry.nextAttemptAt
        }
    }

    /// Carries out a replenishing step as the shell would.
    /// - Returns: The first attempt of the committed reserve, if any, and every write made.
    mutating func replenish(
        _ machine: inout Machine,
        _ step: Machine.ReplenishAction,
        now: TestInstant
    ) -> (attempt: DispatchAttempt?, writes: [JournalWrite]) {
        var step = step
        var writes: [JournalWrite] = []
        while true {
            switch step {
            case .load(let query, let write):
                if let write {
                    apply(write)
                    writes.append(write)
                    machine.writeCompleted(write, at: now)
                }
                step = machine.dueContactsLoaded(load(query), for: query, now: now)
            case .commit(let write):
                if let write {
                    apply(write)
                    writes.append(write)
                    machine.writeCompleted(write, at: now)
                }
                switch machine.reserveCommitted() {
                case .trigger(let attempt): return (attempt, writes)
                case .none: return (nil, writes)
                }
            }
        }
    }

    /// Sends as many triggers as the machine starts at `now`, carrying out its steps as the shell would.
    mutating func send(_ machine: inout Machine, now: TestInstant, nextSlot: TestInstant? = nil) -> [DispatchAttempt] {
        var sent: [DispatchAttempt] = []
        while true {
            switch machine.nextSend(now: now, nextSlot: nextSlot ?? now) {
            case .none:
                return sent
            case .trigger(let attempt):
                sent.append(attempt)
            case .replenish(let step):
                guard let attempt = replenish(&machine, step, now: now).attempt else { return sent }
                sent.append(attempt)
            }
        }
    }
}
