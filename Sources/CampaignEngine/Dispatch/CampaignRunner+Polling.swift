import CampaignStore
import Foundation
import Logging

extension CampaignRunner {
    /// What one poll looks for.
    struct PollRequest: Sendable {
        /// Calls being followed.
        var callIDs: Set<String>
        /// Ambiguous attempts: attempt id (lowercased) → number and start.
        var unknowns: [String: (number: String, startedAt: Date, id: UUID)]
        /// Records older than this cannot belong to any target: the scan may stop there.
        var oldest: Date
        /// Followed calls not seen in the history lately: asked for one by one.
        var details: [String]
        /// The most history pages to read.
        var maxPages: Int
    }

    /// What one poll found.
    struct PollResult: Sendable {
        /// Reports of followed calls, by call id.
        var reports: [String: CallReport] = [:]
        /// Calls found for ambiguous attempts, by attempt id.
        var matches: [UUID: CallReport] = [:]
        /// Whether the scan covered everything since the oldest target started.
        var conclusive = false
        /// Why the scan stopped early, if it did.
        var error: String?
        /// The API refused the key: the run must stop.
        var authenticationFailure: String?
        /// The API answered 429 (with its `Retry-After`, if any): every request must back off.
        var rateLimited: Duration??
    }

    /// Reads history pages, newest first, until every target is found or the pages are older than the
    /// oldest target; then asks for the details of followed calls the history did not show.
    ///
    /// Each request first waits for `admit`: the API's rate limit is per key for every request, so
    /// while it binds polls draw from the same paced budget as triggers. A 429 ends the poll and is
    /// reported.
    static func poll(
        _ calls: any CallService,
        _ request: PollRequest,
        admit: @Sendable () async throws -> Void
    ) async -> PollResult {
        var result = PollResult()
        var remainingCalls = request.callIDs
        var remainingUnknowns = request.unknowns
        let pageSize = 200
        var page = 1
        while page <= request.maxPages, !(remainingCalls.isEmpty && remainingUnknowns.isEmpty) {
            let records: [CallReport]
            let totalPages: Int?
            do {
                try await admit()
                (records, totalPages) = try await calls.callHistory(page: page, pageSize: pageSize)
            } catch TriggerFailure.authentication(let message) {
                result.error = message
                result.authenticationFailure = message
                break
            } catch TriggerFailure.rateLimited(let retryAfter) {
                result.error = "rate limited (429)"
                result.rateLimited = .some(retryAfter)
                break
            } catch {
                result.error = "\(error)"
                break
            }
            for record in records {
                if remainingCalls.remove(record.callID) != nil {
                    result.reports[record.callID] = record
                    continue
                }
                guard !remainingUnknowns.isEmpty else { continue }
                if let attemptID = record.attemptID?.lowercased() {
                    if let target = remainingUnknowns.removeValue(forKey: attemptID) {
                        result.matches[target.id] = record
                    }
                    continue
                }
                // Without an attempt id in the metadata, a call to the same number created after the attempt
                // started is the attempt's call.
                guard let number = record.contactNumber, let created = record.createdAt else { continue }
                if let match = remainingUnknowns.first(where: {
                    $0.value.number == number && created >= $0.value.startedAt.addingTimeInterval(-2)
                }) {
                    remainingUnknowns.removeValue(forKey: match.key)
                    result.matches[match.value.id] = record
                }
            }
            if remainingCalls.isEmpty && remainingUnknowns.isEmpty {
                result.conclusive = true
                break
            }
            if records.isEmpty || records.count < pageSize || totalPages.map({ page >= $0 }) == true {
                result.conclusive = true
                break
            }
            if let oldestOnPage = records.compactMap(\.createdAt).min(), oldestOnPage < request.oldest {
                result.conclusive = true
                break
            }
            page += 1
        }
        if request.unknowns.isEmpty, result.error == nil { result.conclusive = true }
        for callID in request.details where result.reports[callID] == nil && result.rateLimited == nil {
            do {
                try await admit()
                result.reports[callID] = try await calls.callDetails(callID: callID)
            } catch TriggerFailure.rateLimited(let retryAfter) {
                result.rateLimited = .some(retryAfter)
            } catch {
                continue
            }
        }
        return result
    }
}

extension CampaignRunner.Dispatcher {
    /// The poll that the current targets need.
    func pollRequest(_ now: C.Instant, includeStragglers: Bool) -> CampaignRunner.PollRequest {
        var oldest = date(now)
        for call in followed.values { oldest = min(oldest, call.startedAt) }
        var unknownTargets: [String: (number: String, startedAt: Date, id: UUID)] = [:]
        for unknown in unknowns.values {
            oldest = min(oldest, unknown.startedAt)
            unknownTargets[unknown.attemptID.uuidString.lowercased()] =
                (unknown.contact.phoneNumber, unknown.startedAt, unknown.attemptID)
        }
        let stragglers =
            includeStragglers ? Array(followed.filter { $0.value.unseenPolls >= 2 }.keys.sorted().prefix(32)) : []
        let targets = followed.count + unknowns.count
        // Followed calls are recent, so a few pages usually find them and details catch the rest. An
        // ambiguous attempt can only be settled by a scan that reaches calls older than its start, however
        // many calls were placed since (by this or any other campaign on the account): its scan is unbounded
        // and ends at the first page older than the attempt or at the end of the history.
        let maxPages = unknowns.isEmpty ? min(1000, max(5, targets / 50 + 5)) : Int.max
        return CampaignRunner.PollRequest(
            callIDs: Set(followed.keys),
            unknowns: unknownTargets,
            oldest: oldest.addingTimeInterval(-120),
            details: stragglers,
            maxPages: maxPages
        )
    }

    /// Starts a poll when calls are followed or attempts await reconciliation and the interval has passed.
    mutating func schedulePoll(_ group: inout ThrowingTaskGroup<CampaignRunner.Event, any Error>, _ now: C.Instant) {
        guard !pollRunning, !followed.isEmpty || !unknowns.isEmpty, now >= nextPollAt else { return }
        pollRunning = true
        nextPollAt = now.advanced(by: configuration.pollInterval)
        let request = pollRequest(now, includeStragglers: true)
        let calls = runner.calls
        let admit = admission
        group.addTask { .polled(await CampaignRunner.poll(calls, request, admit: admit)) }
    }

    /// What a poll's requests wait for: the end of a pause, and a paced slot while the API's limit
    /// binds (see ``SendSchedule/Kind/poll``).
    var admission: @Sendable () async throws -> Void {
        let gate = self.gate
        let clock = runner.clock
        return { _ = try await gate.waitForSlot(on: clock, ticket: nil, kind: .poll) }
    }

    /// Records ended calls, resumes reconciled attempts, requeues attempts that placed nothing, and gives
    /// up on calls past the campaign's bound.
    mutating func handlePoll(_ result: CampaignRunner.PollResult, now: C.Instant) throws {
        let wall = date(now)
        if let message = result.authenticationFailure {
            authenticationFailure = message
            stop(.paused(.authentication), reason: "the API key was refused")
            return
        }
        if let retryAfter = result.rateLimited {
            rateLimited(now, retryAfter: retryAfter)
        } else if let error = result.error {
            runner.logger.info("the call history could not be read; the next poll tries again", metadata: ["error": "\(error)"])
        }
        for (callID, var call) in followed {
            guard let report = result.reports[callID] else {
                call.unseenPolls += 1
                if wall.timeIntervalSince(call.startedAt) > configuration.callTimeout.timeInterval {
                    _ = call.lifecycle.callUnresolved(after: configuration.callTimeout)
                    record(
                        call.contact, from: .inCall, call.lifecycle,
                        attempt: .ended(id: call.attemptID, outcome: "unresolved", report: nil, error: call.lifecycle.lastError, at: wall)
                    )
                    followed[callID] = nil
                } else {
                    followed[callID] = call
                }
                continue
            }
            call.unseenPolls = 0
            if let outcome = report.outcome {
                _ = call.lifecycle.callEnded(outcome, policy: configuration.redial, now: wall)
                record(
                    call.contact, from: .inCall, call.lifecycle,
                    attempt: .ended(id: call.attemptID, outcome: outcome.rawValue, report: report, error: nil, at: wall)
                )
                followed[callID] = nil
            } else if wall.timeIntervalSince(call.startedAt) > configuration.callTimeout.timeInterval {
                _ = call.lifecycle.callUnresolved(after: configuration.callTimeout)
                record(
                    call.contact, from: .inCall, call.lifecycle,
                    attempt: .ended(id: call.attemptID, outcome: "unresolved", report: report, error: call.lifecycle.lastError, at: wall)
                )
                followed[callID] = nil
            } else {
                followed[callID] = call
            }
        }
        for (attemptID, report) in result.matches {
            guard var unknown = unknowns.removeValue(forKey: attemptID) else { continue }
            let from = unknown.lifecycle.status
            _ = unknown.lifecycle.reconciled(placed: true)
            record(unknown.contact, from: from, unknown.lifecycle, attempt: .accepted(id: attemptID, callID: report.callID, at: wall))
            followed[report.callID] = CampaignRunner.Followed(
                contact: unknown.contact,
                lifecycle: unknown.lifecycle,
                attemptID: attemptID,
                startedAt: unknown.startedAt,
                unseenPolls: 0
            )
            // The history may already show the end of the call: the next poll records it.
        }
        guard result.conclusive else { return }
        for (attemptID, var unknown) in unknowns where wall.timeIntervalSince(unknown.failedAt) >= reconcileGrace {
            let from = unknown.lifecycle.status
            _ = unknown.lifecycle.reconciled(placed: false)
            record(unknown.contact, from: from, unknown.lifecycle, attempt: .discard(id: attemptID))
            unknowns[attemptID] = nil
            runner.logger.debug("no call found for an ambiguous attempt; it will be dialed again")
        }
    }
}
