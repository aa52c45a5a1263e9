import SQLiteStore
import CampaignEngine
import CampaignStore
import Foundation
import Testing

@Suite("Campaign runner")
struct CampaignRunnerTests {
    static func numbers(_ count: Int) -> [String] { (1...count).map { "+9198765\(String(format: "%05d", $0))" } }

    func fast(_ tweak: (inout EngineConfiguration) -> Void = { _ in }) -> EngineConfiguration {
        var configuration = EngineConfiguration(rate: 0, pollInterval: .milliseconds(500))
        tweak(&configuration)
        return configuration
    }

    @Test("every contact is called exactly once and followed to the end; results are recorded")
    func happyPath() async throws {
        let numbers = Self.numbers(40)
        let harness = try RunnerHarness(numbers: numbers)
        let outcome = try await harness.drive(fast())
        #expect(outcome == .completed)
        #expect(try harness.counts() == [.completed: 40])
        #expect(harness.vaani.placed.count == 40)
        #expect(Set(harness.vaani.placed.map(\.number)) == Set(numbers))
        let attempt = try #require(try harness.attempts(numbers[0]).first)
        #expect(attempt.outcome == "completed")
        #expect(attempt.callStatus == "completed")
        #expect(attempt.summary == "spoke with the contact")
        #expect(attempt.disposition == "interested")
        #expect(attempt.entityJSON == #"{"intent":"renew"}"#)
        #expect(attempt.cost == 0.5)
        #expect(attempt.durationMilliseconds == 1000)
        #expect(attempt.callID != nil)
        // The attempt id went out as metadata and matches the stored row.
        #expect(harness.vaani.placed.contains { $0.attemptID == attempt.id.uuidString.lowercased() })
        #expect(try harness.journal.campaignState() == .completed)
    }

    @Test("calls are paced at the configured rate")
    func pacing() async throws {
        let harness = try RunnerHarness(numbers: Self.numbers(21))
        _ = try await harness.drive(fast { $0.rate = 10 }, step: .milliseconds(5))
        let times = harness.vaani.triggers.map(\.at.offset).sorted()
        #expect(times.count == 21)
        // No send goes before its slot: 21 sends at 10/s span at least 2 s, and the first second holds
        // at most the 11 slots 0.0 … 1.0 s.
        let first = times.first ?? .zero
        #expect((times.last ?? .zero) - first >= .milliseconds(1990))
        #expect(times.filter { $0 - first < .seconds(1) }.count <= 11)
    }

    @Test("a 429 pauses every sender for at least Retry-After; the contact is retried and it is not an attempt")
    func rateLimited() async throws {
        let numbers = Self.numbers(10)
        let harness = try RunnerHarness(numbers: numbers)
        harness.vaani.script(numbers[2], [.rateLimited(retryAfter: .seconds(3))])
        let outcome = try await harness.drive(fast { $0.concurrency = 1 })
        #expect(outcome == .completed)
        #expect(try harness.counts() == [.completed: 10])
        let triggers = harness.vaani.triggers
        let limitedAt = try #require(triggers.firstIndex { $0.number == numbers[2] })
        let next = triggers[limitedAt + 1]
        #expect(next.at.offset - triggers[limitedAt].at.offset >= .seconds(3))
        #expect(next.number == numbers[2])
        #expect(try harness.contact(numbers[2])?.attempts == 1)
        #expect(try harness.attempts(numbers[2]).count == 1)
    }

    @Test("402 pauses the campaign: nobody is marked failed and contacts stay pending")
    func insufficientBalance() async throws {
        let numbers = Self.numbers(10)
        let harness = try RunnerHarness(numbers: numbers)
        for number in numbers.dropFirst(3) { harness.vaani.script(number, [.insufficientBalance]) }
        let outcome = try await harness.drive(fast { $0.concurrency = 1 })
        #expect(outcome == .paused(.insufficientBalance))
        let counts = try harness.counts()
        #expect(counts[.failed] == nil)
        #expect(counts[.completed, default: 0] + counts[.inCall, default: 0] == 3)
        #expect(counts[.pending] == 7)
        #expect(try harness.journal.campaignState() == .paused(.insufficientBalance))
        #expect(try harness.attempts(numbers[3]).isEmpty)

        // Resuming after a top-up finishes the campaign without calling anyone twice.
        harness.vaani.setDefault(.accept())
        for number in numbers { harness.vaani.script(number, []) }
        #expect(try await harness.drive(fast()) == .completed)
        #expect(harness.vaani.placed.count == 10)
        #expect(Set(harness.vaani.placed.map(\.number)).count == 10)
    }

    @Test("with --wait-for-balance, one probe goes out at growing intervals until the wallet is topped up")
    func waitForBalance() async throws {
        let numbers = Self.numbers(5)
        let harness = try RunnerHarness(numbers: numbers)
        harness.vaani.script(numbers[1], [.insufficientBalance, .insufficientBalance, .insufficientBalance])
        let outcome = try await harness.drive(fast { $0.concurrency = 1; $0.waitForBalance = .seconds(600) })
        #expect(outcome == .completed)
        let probes = harness.vaani.triggers.filter { $0.number == numbers[1] }.map(\.at.offset)
        #expect(probes.count == 4)
        #expect(probes[2] - probes[1] > probes[1] - probes[0])
        #expect(try harness.counts() == [.completed: 5])
    }

    @Test("401 stops the run at once with an error; nothing is lost")
    func authentication() async throws {
        let harness = try RunnerHarness(numbers: Self.numbers(5))
        harness.vaani.setDefault(.authentication)
        await #expect(throws: RunError.authentication("invalid API key")) {
            _ = try await harness.drive(fast())
        }
        #expect(try harness.counts() == [.pending: 5])
        #expect(try harness.journal.campaignState() == .paused(.authentication))
    }

    @Test("403 ends as dnd and suppresses the number; 422 ends as invalid with the API's message")
    func finalRejections() async throws {
        let numbers = Self.numbers(3)
        let harness = try RunnerHarness(numbers: numbers)
        harness.vaani.script(numbers[0], [.forbidden("number is on the DND registry")])
        harness.vaani.script(numbers[1], [.validation("contact_number: not a valid number")])
        #expect(try await harness.drive(fast()) == .completed)
        #expect(try harness.contact(numbers[0])?.status == .dnd)
        #expect(try harness.database.isSuppressed(numbers[0]))
        #expect(try harness.contact(numbers[1])?.status == .invalid)
        #expect(try harness.contact(numbers[1])?.lastError == "contact_number: not a valid number")
        #expect(try harness.attempts(numbers[1]).first?.error == "contact_number: not a valid number")
        #expect(try harness.contact(numbers[2])?.status == .completed)
    }

    @Test("an ambiguous answer is reconciled: a placed call is followed, never redialed")
    func ambiguousPlaced() async throws {
        let numbers = Self.numbers(3)
        let harness = try RunnerHarness(numbers: numbers)
        harness.vaani.script(numbers[1], [.placedThenAmbiguous])
        #expect(try await harness.drive(fast()) == .completed)
        #expect(harness.vaani.placed.filter { $0.number == numbers[1] }.count == 1)
        #expect(harness.vaani.triggers.filter { $0.number == numbers[1] }.count == 1)
        #expect(try harness.contact(numbers[1])?.status == .completed)
        #expect(try harness.attempts(numbers[1]).first?.callID != nil)
    }

    @Test("reconciliation by number and time when the history carries no metadata")
    func ambiguousWithoutMetadata() async throws {
        let numbers = Self.numbers(3)
        let harness = try RunnerHarness(numbers: numbers)
        harness.vaani.setSendsMetadata(false)
        harness.vaani.script(numbers[0], [.placedThenAmbiguous])
        #expect(try await harness.drive(fast()) == .completed)
        #expect(harness.vaani.placed.count == 3)
        #expect(harness.vaani.triggers.count == 3)
    }

    @Test("an ambiguous answer that placed nothing is redialed once reconciliation shows no call")
    func ambiguousNothingPlaced() async throws {
        let numbers = Self.numbers(3)
        let harness = try RunnerHarness(numbers: numbers)
        harness.vaani.script(numbers[0], [.ambiguousNothingPlaced])
        #expect(try await harness.drive(fast()) == .completed)
        let tries = harness.vaani.triggers.filter { $0.number == numbers[0] }
        #expect(tries.count == 2)
        #expect(harness.vaani.placed.filter { $0.number == numbers[0] }.count == 1)
        #expect(try harness.contact(numbers[0])?.attempts == 1)
        // The redial repeats the attempt's id and idempotency key: were the first request to reach the API
        // late, the API would answer both with one call.
        #expect(tries[0].attemptID == tries[1].attemptID)
        // It waited out the reconciliation grace after the ambiguous answer.
        #expect(tries[1].at.offset - tries[0].at.offset >= .seconds(10))
    }

    @Test("refused connections back off and retry without counting attempts")
    func connectionRefused() async throws {
        let numbers = Self.numbers(2)
        let harness = try RunnerHarness(numbers: numbers)
        harness.vaani.script(numbers[0], [.notSent, .notSent, .notSent])
        #expect(try await harness.drive(fast { $0.concurrency = 1 }) == .completed)
        let tries = harness.vaani.triggers.filter { $0.number == numbers[0] }.map(\.at.offset)
        #expect(tries.count == 4)
        #expect(try harness.contact(numbers[0])?.attempts == 1)
    }

    @Test("no answer waits for its redial; --until-idle returns saying when it is due; the redial completes")
    func redialPolicy() async throws {
        let numbers = Self.numbers(2)
        let harness = try RunnerHarness(numbers: numbers)
        harness.vaani.script(numbers[0], [.accept(endsAfter: .seconds(1), status: "no_answer")])
        let configuration = fast { $0.redial = RedialPolicy(maxAttempts: 2, delays: [.noAnswer: .seconds(60)]) }
        let outcome = try await harness.drive(configuration, untilIdle: true)
        guard case .idle(let next) = outcome else {
            Issue.record("expected idle, got \(outcome)")
            return
        }
        let waiting = try #require(try harness.contact(numbers[0]))
        #expect(waiting.status == .retryWait)
        #expect(next == waiting.nextAttemptAt)
        #expect(try harness.journal.campaignState() == .ready)

        #expect(try await harness.drive(configuration) == .completed)
        #expect(try harness.contact(numbers[0])?.status == .completed)
        #expect(try harness.contact(numbers[0])?.attempts == 2)
        let tries = harness.vaani.triggers.filter { $0.number == numbers[0] }.map(\.at.offset)
        #expect(tries.count == 2)
        #expect(tries[1] - tries[0] >= .seconds(60))
    }

    @Test("contacts outside their calling window wait for it and never count as failed")
    func callingHours() async throws {
        // 1_800_000_000 is Friday 2027-01-15 08:00 UTC: 13:30 in Kolkata, 03:00 in New York.
        let harness = try RunnerHarness(numbers: Self.numbers(2), timeZone: "America/New_York")
        let configuration = fast { $0.callingHours = try? CallingHours(parsingHours: "09:00-21:00") }
        let outcome = try await harness.drive(configuration, untilIdle: true)
        #expect(outcome == .idle(nextDue: harness.origin.addingTimeInterval(6 * 3600)))
        #expect(try harness.counts() == [.pending: 2])
        #expect(harness.vaani.triggers.isEmpty)
    }

    @Test("the channel limit caps calls placed and not yet ended")
    func maxActive() async throws {
        let harness = try RunnerHarness(numbers: Self.numbers(12))
        harness.vaani.setDefault(.accept(endsAfter: .seconds(5)))
        #expect(try await harness.drive(fast { $0.maxActive = 3 }) == .completed)
        let placed = harness.vaani.placed
        for call in placed {
            let overlapping = placed.filter { $0.createdAt <= call.createdAt && $0.endsAt > call.createdAt }
            #expect(overlapping.count <= 3)
        }
    }

    @Test("without a channel limit, no more calls are started than can be followed at once")
    func followCeiling() async throws {
        let harness = try RunnerHarness(numbers: Self.numbers(30))
        harness.vaani.setDefault(.accept(endsAfter: .seconds(5)))
        #expect(try await harness.drive(fast { $0.maxFollowed = 4 }) == .completed)
        let placed = harness.vaani.placed
        #expect(placed.count == 30)
        for call in placed {
            let overlapping = placed.filter { $0.createdAt <= call.createdAt && $0.endsAt > call.createdAt }
            #expect(overlapping.count <= 4)
        }
    }

    /// What a process killed mid-dispatch leaves: attempts committed for the first two contacts, of which
    /// only the first one's request reached the API.
    static func leaveTwoAttemptsDialing(_ harness: RunnerHarness, _ numbers: [String]) throws {
        let placedID = UUID(), lostID = UUID()
        let due = try harness.journal.dueContacts(now: harness.origin, afterID: 0, limit: 2)
        try harness.journal.apply([
            JournalEntry(contactID: due[0].id, status: .dialing, attempts: 1, attempt: .start(id: placedID, number: 1, startedAt: harness.origin)),
            JournalEntry(contactID: due[1].id, status: .dialing, attempts: 1, attempt: .start(id: lostID, number: 1, startedAt: harness.origin)),
        ])
        _ = harness.vaani.placeDirectly(number: numbers[0], attemptID: placedID, endsAfter: .seconds(1))
    }

    @Test("on start, attempts left dialing are reconciled before anything new is dialed")
    func crashRecovery() async throws {
        let numbers = Self.numbers(3)
        let harness = try RunnerHarness(numbers: numbers)
        try Self.leaveTwoAttemptsDialing(harness, numbers)
        #expect(try await harness.drive(fast()) == .completed)
        #expect(harness.vaani.placed.filter { $0.number == numbers[0] }.count == 1)
        #expect(harness.vaani.placed.filter { $0.number == numbers[1] }.count == 1)
        #expect(try harness.counts() == [.completed: 3])
        // The third contact is dialed at once; the attempt the history does not show waits out the grace
        // from its start (its request may still have been on its way when the process died).
        let third = try #require(harness.vaani.triggers.first { $0.number == numbers[2] })
        let redial = try #require(harness.vaani.triggers.first { $0.number == numbers[1] })
        #expect(third.at.offset < .seconds(1))
        #expect(redial.at.offset >= .seconds(10))
    }

    @Test("an attempt left dialing is found however many calls the account placed after it")
    func crashRecoveryDeepInHistory() async throws {
        let numbers = Self.numbers(2)
        let harness = try RunnerHarness(numbers: numbers)
        try Self.leaveTwoAttemptsDialing(harness, numbers)
        // Another campaign on the same account placed 2,500 calls since: the attempt's call is on the
        // thirteenth history page, far past the pages that following recent calls reads.
        for index in 0..<2_500 {
            _ = harness.vaani.placeDirectly(number: "+9198000\(String(format: "%05d", index))", attemptID: UUID(), endsAfter: .seconds(1))
        }
        #expect(try await harness.drive(fast(), limit: .seconds(120)) == .completed)
        #expect(harness.vaani.placed.filter { $0.number == numbers[0] }.count == 1)
        #expect(harness.vaani.placed.filter { $0.number == numbers[1] }.count == 1)
        #expect(try harness.counts() == [.completed: 2])
        #expect(try harness.attempts(numbers[0]).count == 1)
        #expect(try harness.attempts(numbers[1]).count == 1)
    }

    @Test("a stop request lets in-flight requests finish and leaves the campaign resumable")
    func stopRequest() async throws {
        let harness = try RunnerHarness(numbers: Self.numbers(50))
        let control = RunControl()
        control.requestStop()
        #expect(try await harness.drive(fast { $0.rate = 5 }, control: control) == .interrupted)
        #expect(try harness.journal.campaignState() == .ready)
        #expect(try harness.counts()[.dialing] == nil)
        #expect(try await harness.drive(fast()) == .completed)
        #expect(harness.vaani.placed.count == 50)
    }

    @Test("a cancel from another process stops dialing; waiting contacts are cancelled")
    func cancelFromElsewhere() async throws {
        let harness = try RunnerHarness(numbers: Self.numbers(5))
        try harness.journal.setCampaignState(.cancelled)
        _ = try harness.journal.cancelWaitingContacts()
        #expect(try await harness.drive(fast()) == .cancelled)
        #expect(harness.vaani.triggers.isEmpty)
        #expect(try harness.counts() == [.cancelled: 5])
    }

    @Test("a call that never ends is recorded as having no final status, not followed forever")
    func unresolvedCall() async throws {
        let numbers = Self.numbers(1)
        let harness = try RunnerHarness(numbers: numbers)
        harness.vaani.setDefault(.accept(endsAfter: .seconds(100_000)))
        #expect(try await harness.drive(fast { $0.callTimeout = .seconds(30) }, step: .milliseconds(200)) == .completed)
        let contact = try #require(try harness.contact(numbers[0]))
        #expect(contact.status == .failed)
        #expect(contact.lastError == "no final call status within 30 s")
        #expect(try harness.attempts(numbers[0]).first?.outcome == "unresolved")
    }

    @Test("suppressed numbers are not dialed")
    func suppression() async throws {
        let numbers = Self.numbers(2)
        let harness = try RunnerHarness(numbers: numbers)
        _ = try harness.database.suppress([SuppressionEntry(phoneE164: numbers[0], reason: "opted out", source: "test")])
        #expect(try await harness.drive(fast()) == .completed)
        #expect(try harness.contact(numbers[0])?.status == .suppressed)
        #expect(harness.vaani.triggers.map(\.number) == [numbers[1]])
    }
}

extension CampaignRunnerTests {
    @Test(
        "after a 429 pause, waiting triggers go out at the reduced pace, never in a burst, at any concurrency",
        arguments: [8, 16, 64, 256]
    )
    func noBurstAfterRateLimit(concurrency: Int) async throws {
        let numbers = Self.numbers(120)
        let harness = try RunnerHarness(numbers: numbers)
        harness.vaani.script(numbers[10], [.rateLimited(retryAfter: .seconds(2))])
        let outcome = try await harness.drive(fast { $0.rate = 20; $0.concurrency = concurrency }, step: .milliseconds(5))
        #expect(outcome == .completed)
        #expect(try harness.counts() == [.completed: 120])
        let triggers = harness.vaani.triggers.sorted { $0.at < $1.at }
        let limited = try #require(triggers.first { $0.number == numbers[10] })
        let after = triggers.map(\.at.offset).filter { $0 >= limited.at.offset + .seconds(2) }
        #expect(after.count >= 100)
        // 20/s cut to 17/s (slots 58.8 ms apart) and recovering: never ahead of 20/s over any stretch.
        // A send can come late when the manual clock outruns the tasks, so the next one may follow it
        // closely; what must not happen is several sends ahead of the pace.
        Self.expectNeverAhead(of: .milliseconds(50), after, tolerance: .milliseconds(25))
        // And nothing was sent during the pause.
        #expect(!triggers.contains { $0.at > limited.at && $0.at.offset < limited.at.offset + .seconds(2) })
    }
}

extension CampaignRunnerTests {
    @Test("while the API's limit binds, history and details polls draw from the same paced budget as triggers")
    func pollsArePacedUnderTheLimit() async throws {
        let numbers = Self.numbers(120)
        let harness = try RunnerHarness(numbers: numbers)
        harness.vaani.setDefault(.accept(endsAfter: .seconds(3)))
        harness.vaani.script(numbers[2], [.rateLimited(retryAfter: .seconds(1))])
        let outcome = try await harness.drive(
            fast { $0.rate = 20; $0.concurrency = 64; $0.pollInterval = .milliseconds(100) },
            step: .milliseconds(5)
        )
        #expect(outcome == .completed)
        let limitedAt = try #require(harness.vaani.triggers.first { $0.number == numbers[2] }).at.offset
        // After the 429 the pace is cut below 20/s and recovers over the next seconds: in that time
        // triggers and polls (ten a second if they were free) together keep below 20/s.
        let window = (limitedAt + .seconds(1))..<(limitedAt + .seconds(6))
        let polls = harness.vaani.pollTimes.map(\.offset).filter { window.contains($0) }
        #expect(polls.count >= 3)
        let triggers = harness.vaani.triggers.map(\.at.offset).filter { window.contains($0) }
        // (A loaded machine can run a task a few clock steps late, so the bounds leave a slot's room.)
        Self.expectNeverAhead(of: .milliseconds(50), (triggers + polls).sorted(), tolerance: .milliseconds(60))
        // Each poll took a slot of its own: at a pace of at most 19.6/s, at least 51 ms from the nearest
        // trigger (less a 5 ms clock step). A poll sent at any moment would be within 34 ms of one.
        let apart = polls.filter { poll in
            (triggers.map { $0 > poll ? $0 - poll : poll - $0 }.min() ?? .seconds(1)) >= .milliseconds(40)
        }
        #expect(apart.count * 4 >= polls.count * 3, "\(apart.count) of \(polls.count) polls in a slot of their own")
    }

    @Test("polls do not slow the configured call rate while the API's limit does not bind")
    func pollsAreFreeBelowTheLimit() async throws {
        let harness = try RunnerHarness(numbers: Self.numbers(41))
        harness.vaani.setDefault(.accept(endsAfter: .seconds(3)))
        _ = try await harness.drive(
            fast { $0.rate = 10; $0.concurrency = 16; $0.pollInterval = .milliseconds(100) },
            step: .milliseconds(5)
        )
        let times = harness.vaani.triggers.map(\.at.offset).sorted()
        #expect(times.count == 41)
        #expect(harness.vaani.pollTimes.count >= 20)
        // 41 calls at 10/s: 4 s from the first to the last, however many polls went out meanwhile.
        #expect((times.last ?? .zero) - (times.first ?? .zero) <= .milliseconds(4100))
    }

    @Test("a 429 on a history poll pauses every request and cuts the pace, like one on a trigger")
    func rateLimitedPoll() async throws {
        let numbers = Self.numbers(40)
        let harness = try RunnerHarness(numbers: numbers)
        harness.vaani.rateLimitHistory([.seconds(2)])
        let outcome = try await harness.drive(fast { $0.rate = 20; $0.concurrency = 16 }, step: .milliseconds(5))
        #expect(outcome == .completed)
        #expect(try harness.counts() == [.completed: 40])
        let limitedAt = try #require(harness.vaani.pollTimes.first).offset
        let triggers = harness.vaani.triggers.map(\.at.offset)
        // Nothing is sent for Retry-After, and the pace after it is below the configured 20/s.
        #expect(!triggers.contains { $0 > limitedAt && $0 < limitedAt + .seconds(2) })
        let after = triggers.filter { $0 >= limitedAt + .seconds(2) }.sorted()
        #expect(after.count >= 2)
        if after.count >= 2 { #expect(after[1] - after[0] > .milliseconds(52)) }
    }
}

extension CampaignRunnerTests {
    @Test("the rate at which 429s begin is remembered per key fingerprint; the next run starts just below it")
    func learnsTheRateLimit() async throws {
        let numbers = Self.numbers(80)
        let harness = try RunnerHarness(numbers: numbers)
        let key = APIKeyFingerprint.of("vaani_test_key")
        #expect(key.count == 16 && key != APIKeyFingerprint.of("vaani_other_key"))
        // The first run goes at 20/s; the API pushes back twice.
        harness.vaani.script(numbers[10], [.rateLimited(retryAfter: .seconds(1))])
        harness.vaani.script(numbers[40], [.rateLimited(retryAfter: .seconds(1))])
        let first = try await harness.drive(fast { $0.rate = 20; $0.concurrency = 16 }, step: .milliseconds(5), apiKeyFingerprint: key)
        #expect(first == .completed)
        let learned = try #require(try harness.journal.learnedRateLimit(keyFingerprint: key))
        #expect(learned > 10 && learned <= 20, "learned \(learned)/s")
        #expect(try harness.journal.learnedRateLimit(keyFingerprint: APIKeyFingerprint.of("vaani_other_key")) == nil)

        // A second campaign on the same key and store starts at 98 % of it, not at the configured 50/s.
        let next = try RunnerHarness(numbers: Self.numbers(30), database: harness.database, campaignName: "second")
        let second = try await next.drive(fast { $0.rate = 50; $0.concurrency = 16 }, step: .milliseconds(5), apiKeyFingerprint: key)
        #expect(second == .completed)
        let times = next.vaani.triggers.map(\.at.offset).sorted()
        #expect(times.count == 30)
        let slot = Duration(timeInterval: 1 / (learned * 0.98))
        if times.count > 2 {
            #expect(times[2] - times[1] >= slot - .milliseconds(6), "\(times[2] - times[1]) between the first sends")
        }
        #expect(try harness.database.learnedRateLimits().map(\.keyFingerprint) == [key])
    }
}

extension CampaignRunnerTests {
    /// Checks that sorted send `times` never run ahead of one send per `slot`: any `n` consecutive
    /// gaps span at least `n` slots, less `tolerance` for a send that came late.
    static func expectNeverAhead(of slot: Duration, _ times: [Duration], tolerance: Duration) {
        var worst: (span: Duration, count: Int)?
        for start in times.indices {
            for end in times.indices where end > start && end - start <= 40 {
                let span = times[end] - times[start]
                if span < slot * (end - start) - tolerance, worst == nil || span - slot * (end - start) < worst!.span - slot * worst!.count {
                    worst = (span, end - start)
                }
            }
        }
        #expect(worst == nil, "\(worst.map { "\($0.count) sends in \($0.span)" } ?? "")")
    }
}

extension CampaignRunnerTests {
    @Test("campaign state changes are compare-and-set: a change from a stale state is refused")
    func compareAndSetState() throws {
        let harness = try RunnerHarness(numbers: Self.numbers(1))
        let journal = harness.journal
        #expect(try journal.campaignState() == .ready)
        #expect(try journal.compareAndSetCampaignState(expected: .ready, new: .running))
        // A pause from another terminal lands; the runner's own end, set over .running, does not.
        #expect(try journal.compareAndSetCampaignState(expected: .running, new: .paused(.user)))
        #expect(try !journal.compareAndSetCampaignState(expected: .running, new: .ready))
        #expect(try journal.campaignState() == .paused(.user))
        // The pause reason is part of the state compared.
        #expect(try !journal.compareAndSetCampaignState(expected: .paused(.insufficientBalance), new: .cancelled))
        #expect(try journal.compareAndSetCampaignState(expected: .paused(.user), new: .cancelled))
        #expect(try journal.campaignState() == .cancelled)
    }
}
